package io.teamlearnings.system;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read: a value of the wrong JSON type is refused, not converted
 * ({@code "tags": 5} is not the tag {@code "5"}, {@code "learning": true} not the text
 * {@code "true"}), and a key given twice in one object is refused, not decided by
 * whichever comes last. Both end in a 400 problem detail naming the field
 * ({@link ApiExceptionHandler}); a single string where a list is expected stays accepted
 * where a request record says so (evidence given as one item).
 */
@Configuration(proxyBeanMethods = false)
class JsonRequestConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictRequestValues() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual,
					(strings) -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(booleans) -> booleans.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Integer,
					(numbers) -> numbers.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
