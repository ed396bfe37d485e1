package io.teamlearnings.mcp;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response that keeps what is written to it, and passes nothing to the real response it
 * stands beside: the REST API's exception handlers write a problem detail into it while
 * the MCP transport still owns the real one. Status, headers and body stay here; nothing
 * is committed.
 */
final class DetachedResponse extends HttpServletResponseWrapper {

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private final Map<String, List<String>> headers = new LinkedHashMap<>();

	private int status = SC_OK;

	@Nullable private String contentType;

	private String characterEncoding = StandardCharsets.UTF_8.name();

	@Nullable private PrintWriter writer;

	DetachedResponse(HttpServletResponse real) {
		super(real);
	}

	/** What was written, as UTF-8 text. */
	String body() {
		if (this.writer != null) {
			this.writer.flush();
		}
		return this.body.toString(StandardCharsets.UTF_8);
	}

	@Override
	public ServletOutputStream getOutputStream() {
		return new ServletOutputStream() {
			@Override
			public void write(int b) {
				DetachedResponse.this.body.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				DetachedResponse.this.body.write(bytes, offset, length);
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
				throw new UnsupportedOperationException("A detached response is written synchronously");
			}
		};
	}

	@Override
	public PrintWriter getWriter() {
		if (this.writer == null) {
			this.writer = new PrintWriter(new OutputStreamWriter(this.body, StandardCharsets.UTF_8));
		}
		return this.writer;
	}

	@Override
	public void setStatus(int status) {
		this.status = status;
	}

	@Override
	public int getStatus() {
		return this.status;
	}

	@Override
	public void sendError(int status) {
		this.status = status;
	}

	@Override
	public void sendError(int status, String message) {
		this.status = status;
	}

	@Override
	public void sendRedirect(String location) {
		this.status = SC_FOUND;
	}

	@Override
	public void setHeader(String name, String value) {
		this.headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(value)));
	}

	@Override
	public void addHeader(String name, String value) {
		this.headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new ArrayList<>()).add(value);
	}

	@Override
	public void setIntHeader(String name, int value) {
		setHeader(name, String.valueOf(value));
	}

	@Override
	public void addIntHeader(String name, int value) {
		addHeader(name, String.valueOf(value));
	}

	@Override
	public void setDateHeader(String name, long date) {
		setHeader(name, String.valueOf(date));
	}

	@Override
	public void addDateHeader(String name, long date) {
		addHeader(name, String.valueOf(date));
	}

	@Override
	public boolean containsHeader(String name) {
		return this.headers.containsKey(name.toLowerCase(Locale.ROOT));
	}

	@Override
	@Nullable public String getHeader(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	@Override
	public Collection<String> getHeaders(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
	}

	@Override
	public Collection<String> getHeaderNames() {
		return this.headers.keySet();
	}

	@Override
	public void setContentType(@Nullable String type) {
		this.contentType = type;
	}

	@Override
	@Nullable public String getContentType() {
		return this.contentType;
	}

	@Override
	public void setCharacterEncoding(@Nullable String encoding) {
		if (encoding != null) {
			this.characterEncoding = encoding;
		}
	}

	@Override
	public String getCharacterEncoding() {
		return this.characterEncoding;
	}

	@Override
	public void setContentLength(int length) {
	}

	@Override
	public void setContentLengthLong(long length) {
	}

	@Override
	public void setLocale(Locale locale) {
	}

	@Override
	public void setBufferSize(int size) {
	}

	@Override
	public void flushBuffer() {
	}

	@Override
	public boolean isCommitted() {
		return false;
	}

	@Override
	public void reset() {
		resetBuffer();
		this.headers.clear();
		this.status = SC_OK;
		this.contentType = null;
	}

	@Override
	public void resetBuffer() {
		this.body.reset();
	}

}
