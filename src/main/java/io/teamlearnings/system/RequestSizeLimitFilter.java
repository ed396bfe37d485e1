package io.teamlearnings.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over the configured size with a 413 problem detail: at once when
 * the declared length is over, and as soon as a body without a declared length reads past
 * the limit.
 */
@Component
@EnableConfigurationProperties(HttpProperties.class)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	/** Session uploads may be larger than other requests. */
	private static final String UPLOAD_PATH = "/api/sessions";

	/** Imports of learnings are uploads too. */
	private static final String IMPORT_SUFFIX = "/learnings/import";

	private final long limit;

	private final long uploadLimit;

	private final JsonMapper mapper;

	RequestSizeLimitFilter(HttpProperties properties, JsonMapper mapper) {
		this.limit = properties.maxRequestBytes();
		this.uploadLimit = properties.maxUploadBytes();
		this.mapper = mapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean upload = "POST".equals(request.getMethod())
				&& (UPLOAD_PATH.equals(request.getRequestURI()) || request.getRequestURI().endsWith(IMPORT_SUFFIX));
		long limit = upload ? this.uploadLimit : this.limit;
		if (request.getContentLengthLong() > limit) {
			ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
					PayloadTooLargeException.over(limit).getMessage());
			problem.setProperty("limit_bytes", limit);
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.mapper.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw PayloadTooLargeException.over(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
