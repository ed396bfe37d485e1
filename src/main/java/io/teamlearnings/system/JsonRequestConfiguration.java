package io.teamlearnings.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

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

	/**
	 * Reads every JSON request body as strict UTF-8 before Jackson parses it: Jackson's
	 * decoder takes overlong forms ({@code C0 AF} for {@code /}), which are not UTF-8 and
	 * would reach the file decoded. A body that is not UTF-8 is a 400 problem detail.
	 */
	@ControllerAdvice
	static class StrictUtf8Bodies extends RequestBodyAdviceAdapter {

		@Override
		public boolean supports(MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) {
			return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converterType);
		}

		@Override
		public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
				Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
			byte[] body = input.getBody().readAllBytes();
			try {
				StrictUtf8.decode(body);
			}
			catch (CharacterCodingException ex) {
				throw new HttpMessageNotReadableException("The request body is not UTF-8", ex, input);
			}
			return new HttpInputMessage() {
				@Override
				public InputStream getBody() {
					return new ByteArrayInputStream(body);
				}

				@Override
				public HttpHeaders getHeaders() {
					return input.getHeaders();
				}
			};
		}

	}

}
