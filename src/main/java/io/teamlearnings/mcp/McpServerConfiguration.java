package io.teamlearnings.mcp;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.teamlearnings.security.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The MCP server at {@value #PATH}: the official MCP Java SDK's stateless Streamable HTTP
 * transport, mounted as a servlet beside Spring MVC, so the service's security filter
 * (bearer tokens, loopback-only without them) sees every MCP request as it sees a REST
 * one. Stateless: every call is one POST answered with JSON; there are no sessions to
 * keep, expire or share between instances, and the server sends no notifications.
 * <p>
 * Tool calls run on the request's thread ({@code immediateExecution}), where the caller
 * is established, so the features' access rules and the attribution of written rows apply
 * unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "learnings.mcp.enabled", matchIfMissing = true)
class McpServerConfiguration {

	/** Where the server is mounted. */
	static final String PATH = "/mcp";

	private static final String INSTRUCTIONS = """
			A team's execution learnings: short, evidence-backed rules ("When X, prefer Y because Z") \
			kept in each repository's .learnings.jsonl. Before non-trivial work, call recall_learnings \
			with the components, failures and paths at hand. After verified work, capture one rule with \
			append_learning (evidence must be concrete: a command and its outcome, a sha, a path or an \
			exact error). Replace a rule with supersede_learning, retract it with withdraw_learning, and \
			admit a proven rule to long-term memory with admit_learning. recent_conversations and \
			lesson_signals surface the moments lessons come from in recent Codex sessions.""";

	@Bean
	HttpServletStatelessServerTransport mcpTransport(McpProperties properties) {
		return HttpServletStatelessServerTransport.builder()
			.jsonMapper(mcpJsonMapper())
			.messageEndpoint(PATH)
			.securityValidator(DefaultServerTransportSecurityValidator.builder()
				.allowedOrigins(properties.allowedOrigins())
				.build())
			.build();
	}

	@Bean
	ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
			HttpServletStatelessServerTransport transport) {
		ServletRegistrationBean<HttpServletStatelessServerTransport> registration = new ServletRegistrationBean<>(
				transport, PATH);
		registration.setName("mcp");
		registration.setAsyncSupported(true);
		return registration;
	}

	/**
	 * The guard in front of the transport ({@link McpRequestGuard}): after Spring
	 * Security, so only authenticated callers' bodies are read, and before the request
	 * size filter, whose limit it applies itself.
	 */
	@Bean
	FilterRegistrationBean<McpRequestGuard> mcpRequestGuard(JsonMapper mapper,
			@Value("${learnings.http.max-request-size:256KB}") DataSize maxRequestSize) {
		FilterRegistrationBean<McpRequestGuard> registration = new FilterRegistrationBean<>(
				new McpRequestGuard(mapper, maxRequestSize.toBytes()));
		registration.addUrlPatterns(PATH);
		registration.setName("mcpRequestGuard");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}

	@Bean(destroyMethod = "close")
	McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, List<McpTools> features,
			McpProperties properties, JsonMapper mapper, Validator validator,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
		ToolErrors errors = new ToolErrors(resolver, mapper);
		McpJsonMapper protocol = mcpJsonMapper();
		Set<String> names = new HashSet<>();
		List<SyncToolSpecification> tools = features.stream()
			.flatMap((feature) -> feature.tools().stream())
			.map((tool) -> {
				if (!names.add(tool.name())) {
					throw new IllegalStateException("Two MCP tools are named " + tool.name());
				}
				return new SyncToolSpecification(describe(tool, protocol),
						(context, request) -> call(tool, request.arguments(), mapper, validator, errors));
			})
			.toList();
		String version = McpServerConfiguration.class.getPackage().getImplementationVersion();
		return McpServer.sync(transport)
			.serverInfo("learnings-service", (version != null) ? version : "dev")
			.instructions(INSTRUCTIONS)
			.capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
			.immediateExecution(true)
			.validateToolInputs(true)
			.tools(tools)
			.build();
	}

	/**
	 * The protocol's JSON mapper. The SDK's transport answers a request it cannot read
	 * (not JSON, the wrong content type or Accept header) by writing its {@link McpError}
	 * exception with this mapper; by default that would be every property of the
	 * exception, its stack trace included. Here an {@code McpError} is written as the
	 * JSON-RPC error response it stands for, and nothing else.
	 */
	private static McpJsonMapper mcpJsonMapper() {
		SimpleModule errors = new SimpleModule("mcp-transport-errors").addSerializer(McpError.class,
				new ValueSerializer<McpError>() {
					@Override
					public void serialize(McpError error, JsonGenerator json, SerializationContext context) {
						McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
						context.writeValue(json,
								JsonRpcError.of(null,
										(rpc != null && rpc.code() != null) ? rpc.code() : JsonRpcError.INTERNAL_ERROR,
										(rpc != null) ? rpc.message() : "Internal error"));
					}
				});
		return new JacksonMcpJsonMapper(JsonMapper.builder().addModule(errors).build());
	}

	private static McpSchema.Tool describe(McpTool tool, McpJsonMapper protocol) {
		return McpSchema.Tool.builder()
			.name(tool.name())
			.title(tool.title())
			.description(tool.description())
			.inputSchema(protocol, tool.inputSchema())
			.annotations(new ToolAnnotations(tool.title(), tool.readOnly(), false, tool.readOnly(), false, null))
			.build();
	}

	/**
	 * One call: the caller's access first (the role the tool needs, in the repository it
	 * names or in some repository), then the handler; every exception becomes a tool
	 * error with the REST API's problem detail.
	 */
	private static CallToolResult call(McpTool tool, Map<String, Object> values, JsonMapper mapper, Validator validator,
			ToolErrors errors) {
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = current.getRequest();
		HttpServletResponse response = current.getResponse();
		try {
			ToolArguments arguments = new ToolArguments(values, mapper, validator);
			String repository = arguments.repository();
			AccessPolicy.require(tool.role(),
					(repository == null || repository.equals(McpTool.ALL)) ? null : repository);
			return ToolAnswers.of(tool.handler().call(arguments), mapper);
		}
		catch (Exception ex) {
			return errors.toolError(ex, request, response);
		}
	}

}
