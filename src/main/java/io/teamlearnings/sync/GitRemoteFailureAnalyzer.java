package io.teamlearnings.sync;

import java.util.Objects;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a setting that could not be bound or validated, such as a
 * {@code learnings.repos[N].git.remote} given as a URL, as Spring Boot does, but with the
 * user information of every URL in its values replaced by {@code ***}
 * ({@code https://bob:token@host} becomes {@code https://***@host}): a credential in a
 * remote URL is never written to the log. Spring Boot's own bind analyzers print values
 * as they are, so this one comes first ({@link Ordered#HIGHEST_PRECEDENCE}); it analyses
 * only failures whose values hold user information and leaves the others to them.
 * Registered in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class GitRemoteFailureAnalyzer implements FailureAnalyzer {

	private static final String ACTION = "Update your application's configuration. Give a remote by the name the "
			+ "checkout knows it by (git remote), and keep credentials out of settings: the service uses the "
			+ "checkout's credential helper or SSH agent.";

	@Override
	@Nullable
	public FailureAnalysis analyze(Throwable failure) {
		BindValidationException validation = findCause(failure, BindValidationException.class);
		if (validation != null) {
			return analyze(validation.getValidationErrors(), failure);
		}
		BindException bind = findCause(failure, BindException.class);
		if (bind != null && bind.getProperty() != null) {
			ConfigurationProperty property = bind.getProperty();
			String value = String.valueOf(property.getValue());
			if (!hasUserInfo(value)) {
				return null;
			}
			String reason = (bind.getCause() != null) ? String.valueOf(bind.getCause().getMessage()) : "unknown";
			return new FailureAnalysis("Failed to bind properties under '" + bind.getName() + "':\n\n"
					+ describe(property.getName().toString(), value, property, reason), ACTION, failure);
		}
		return null;
	}

	@Nullable
	private static FailureAnalysis analyze(ValidationErrors errors, Throwable failure) {
		StringBuilder description = new StringBuilder();
		boolean secret = false;
		for (ObjectError error : errors) {
			if (error instanceof FieldError field) {
				String name = errors.getName() + "." + field.getField();
				ConfigurationProperty property = errors.getBoundProperties()
					.stream()
					.filter((bound) -> bound.getName().toString().equals(name))
					.findFirst()
					.orElse(null);
				Object rejected = (property != null) ? property.getValue() : field.getRejectedValue();
				String value = String.valueOf(rejected);
				secret |= hasUserInfo(value);
				description.append(describe(name, value, property, field.getDefaultMessage()));
			}
			else {
				String message = String.valueOf(error.getDefaultMessage());
				secret |= hasUserInfo(message);
				description.append("    Reason: ").append(GitFailure.withoutUserInfo(message)).append("\n");
			}
		}
		if (!secret) {
			return null;
		}
		return new FailureAnalysis("Binding to target " + errors.getName() + " failed:\n\n" + description, ACTION,
				failure);
	}

	private static String describe(String name, String value, @Nullable ConfigurationProperty property,
			@Nullable String reason) {
		StringBuilder text = new StringBuilder();
		text.append("    Property: ").append(name).append("\n");
		text.append("    Value: \"").append(GitFailure.withoutUserInfo(value)).append("\"\n");
		if (property != null && property.getOrigin() != null) {
			text.append("    Origin: ")
				.append(GitFailure.withoutUserInfo(property.getOrigin().toString()))
				.append("\n");
		}
		text.append("    Reason: ")
			.append(GitFailure.withoutUserInfo(Objects.toString(reason, "invalid")))
			.append("\n");
		return text.toString();
	}

	private static boolean hasUserInfo(String text) {
		return !GitFailure.withoutUserInfo(text).equals(text);
	}

	@Nullable
	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
