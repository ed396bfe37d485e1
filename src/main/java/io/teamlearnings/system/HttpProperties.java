package io.teamlearnings.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what callers may send ({@code learnings.http}).
 *
 * @param maxRequestSize largest request body accepted; larger ones get 413
 * @param maxUploadSize largest session upload ({@code POST /api/sessions}) accepted
 */
@Validated
@ConfigurationProperties("learnings.http")
record HttpProperties(@DefaultValue("256KB") DataSize maxRequestSize, @DefaultValue("64MB") DataSize maxUploadSize) {

	long maxRequestBytes() {
		return this.maxRequestSize.toBytes();
	}

	long maxUploadBytes() {
		return this.maxUploadSize.toBytes();
	}

}
