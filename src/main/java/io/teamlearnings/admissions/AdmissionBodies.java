package io.teamlearnings.admissions;

import java.util.List;
import java.util.Set;

import io.teamlearnings.admissions.notes.NoteDraft;
import io.teamlearnings.admissions.notes.NoteInput;
import io.teamlearnings.system.StrictUtf8;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/repos/{repo}/admissions} as an
 * {@link AdmissionBody}. A JSON object with {@code operation}, {@code source_refs} or
 * {@code payload} is the skill's {@code memory-note} input: kept as the exact bytes
 * received, and refused (400 naming the field) where the tool would refuse it. Any other
 * object is the service's admission request, bound and validated as a
 * {@code @Valid @RequestBody} is. Also reads {@code ?reasons=user_requested}.
 */
@Component
class AdmissionBodies implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private static final Set<String> INPUT_FIELDS = Set.of("operation", "source_refs", "payload");

	private final JsonMapper mapper;

	AdmissionBodies(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, AdmissionRequest.Reason.class, AdmissionRequest.Reason::of);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return AdmissionBody.class.equals(parameter.getParameterType());
	}

	@Override
	public AdmissionBody resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest webRequest, WebDataBinderFactory binders) throws Exception {
		ServletServerHttpRequest http = new ServletServerHttpRequest(
				webRequest.getNativeRequest(HttpServletRequest.class));
		byte[] bytes = http.getBody().readAllBytes();
		try {
			StrictUtf8.decode(bytes);
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new HttpMessageNotReadableException("The admission is not UTF-8", ex, http);
		}
		JsonNode tree;
		try {
			tree = this.mapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("Unreadable admission", ex, http);
		}
		if (tree == null || !tree.isObject()) {
			throw new HttpMessageNotReadableException("An admission is a JSON object", http);
		}
		if (INPUT_FIELDS.stream().anyMatch(tree::has)) {
			NoteInput input = NoteInput.received(bytes);
			input.check(NoteDraft.ADMISSION);
			return new AdmissionBody.ToolInput(input, judged(tree));
		}
		AdmissionRequest request;
		try {
			request = this.mapper.treeToValue(tree, AdmissionRequest.class);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("Unreadable admission", ex, http);
		}
		WebDataBinder binder = binders.createBinder(webRequest, request, "admissionRequest");
		binder.validate();
		if (binder.getBindingResult().hasErrors()) {
			throw new MethodArgumentNotValidException(parameter, binder.getBindingResult());
		}
		return new AdmissionBody.Request(request);
	}

	/**
	 * What the gate judges of a {@code memory-note} input (already checked: the payload's
	 * fields are strings).
	 */
	private static AdmissionRequest judged(JsonNode input) {
		JsonNode payload = input.get("payload");
		return new AdmissionRequest(payload.get("learning_id").stringValue(),
				AdmissionRequest.Scope.lenient(input.get("scope")), payload.get("decision_delta").stringValue(),
				payload.get("future_behavior").stringValue(), payload.get("verification").stringValue(), List.of());
	}

}
