package io.teamlearnings.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.teamlearnings.LearningsApplication;
import io.teamlearnings.support.HttpClientSupport.Response;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.McpClients;
import io.teamlearnings.support.TestStores;
import io.teamlearnings.system.Sha256;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may do what, over real HTTP with configured tokens: a table of endpoint x caller x
 * status, attribution that cannot be forged, the team view limited to readable
 * repositories, tokens created and revoked, and the loopback-only default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityTests {

	private static final Path APP = TestStores.newDirectory("secure-app");

	private static final Path OTHER = TestStores.newDirectory("secure-other");

	private static final Path TEAM_SKILLS = TestStores.newDirectory("secure-team-skills");

	private static final Map<String, String> TOKENS = Map.of("reader", "token-reader-0001", "writer",
			"token-writer-0002", "admin", "token-admin-0003", "outsider", "token-outsider-0004");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestStores.serve(registry, Map.entry("app", APP), Map.entry("other", OTHER));
		registry.add("learnings.memory.root", () -> TestStores.newDirectory("secure-memories").toString());
		registry.add("learnings.sessions.sessions-dir", () -> TestStores.newDirectory("secure-sessions").toString());
		registry.add("learnings.sessions.archive-dir", () -> TestStores.newDirectory("secure-archive").toString());
		registry.add("learnings.skills.roots[0].name", () -> "team-skills");
		registry.add("learnings.skills.roots[0].path", TEAM_SKILLS::toString);
		registry.add("learnings.skills.roots[0].kind", () -> "shared");
		token(registry, 0, "reader", "app=reader");
		token(registry, 1, "writer", "app=writer");
		token(registry, 2, "admin", "*=admin");
		token(registry, 3, "outsider", "other=writer");
	}

	private static void token(DynamicPropertyRegistry registry, int index, String name, String grant) {
		registry.add("learnings.security.tokens[" + index + "].name", () -> name);
		registry.add("learnings.security.tokens[" + index + "].sha256", () -> Sha256.hex(TOKENS.get(name)));
		registry.add("learnings.security.tokens[" + index + "].grants[0]", () -> grant);
	}

	record Case(String method, String path, String caller, int status) {
	}

	@Test
	void answersEachEndpointForEachRoleAsTheTableSays() {
		String learning = HttpClientSupport.learningJson(
				"When granting roles, require the writer role for rows because readers must not write.", "do_more");
		List<Case> table = List.of(new Case("GET", "/api/repos/app/learnings", null, 401),
				new Case("GET", "/api/repos/app/learnings", "bogus", 401),
				new Case("GET", "/api/repos/app/learnings", "reader", 200),
				new Case("GET", "/api/repos/app/learnings", "writer", 200),
				new Case("GET", "/api/repos/app/learnings", "admin", 200),
				new Case("GET", "/api/repos/app/learnings", "outsider", 403),
				new Case("GET", "/api/repos/app/learnings/recall?query=role", "reader", 200),
				new Case("GET", "/api/repos/app/learnings/summary", "outsider", 403),
				new Case("POST", "/api/repos/app/learnings", null, 401),
				new Case("POST", "/api/repos/app/learnings", "reader", 403),
				new Case("POST", "/api/repos/app/learnings", "outsider", 403),
				new Case("POST", "/api/repos/app/learnings", "writer", 201),
				new Case("POST", "/api/repos/app/reindex", "writer", 403),
				new Case("POST", "/api/repos/app/reindex", "admin", 200),
				new Case("POST", "/api/repos/app/repair", "writer", 403),
				new Case("POST", "/api/repos/app/repair", "admin", 200),
				new Case("GET", "/api/repos/app/sync", "reader", 200),
				new Case("GET", "/api/repos/app/sync", "outsider", 403),
				new Case("POST", "/api/repos/app/sync", "reader", 403),
				new Case("POST", "/api/repos/app/sync", "writer", 409),
				new Case("POST", "/api/repos/app/admissions", "reader", 403),
				new Case("GET", "/api/repos/app/admissions", "reader", 200),
				new Case("GET", "/api/sessions", "reader", 200), new Case("GET", "/api/sessions", null, 401),
				new Case("POST", "/api/sessions/cleanup", "writer", 403),
				new Case("POST", "/api/sessions/cleanup", "admin", 200),
				new Case("GET", "/api/sessions/extract?cleanup=true", "reader", 403),
				new Case("GET", "/api/sessions/extract?cleanup=TRUE&lookback_minutes=5", "writer", 403),
				new Case("GET", "/api/sessions/extract?cleanup=false", "reader", 200),
				new Case("GET", "/api/sessions/extract?limit=1&cleanup=%74rue", "reader", 403),
				new Case("GET", "/api/sessions/extract?cleanup=true", "admin", 200),
				new Case("GET", "/api/admin/tokens", "writer", 403), new Case("GET", "/api/admin/tokens", "admin", 200),
				new Case("PUT", "/api/runs/memory", "reader", 403), new Case("GET", "/actuator/health", null, 200));
		List<String> mismatches = new ArrayList<>();
		for (Case each : table) {
			Response response = call(each.method(), each.path(), each.caller(),
					each.path().endsWith("/learnings") ? learning : "{\"learning_id\": \"x\"}");
			if (response.status() != each.status()) {
				mismatches.add(each + " -> " + response.status() + " " + response.body());
			}
			if (response.status() == 401 || response.status() == 403) {
				assertThat(response.contentType()).as(each.toString()).startsWith("application/problem+json");
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@Test
	void guardsSkillsByTheRepositoryOfTheirRoot() {
		String upload = "{\"uploads\": [{\"name\": \"draft\", \"content\": \"---\\nname: d\\ndescription: e\\n---\\n\"}]}";
		List<Case> table = List.of(new Case("POST", "/api/skills/validate", "reader", 200),
				new Case("POST", "/api/skills/validate", null, 401), new Case("GET", "/api/skills", "reader", 200),
				new Case("GET", "/api/skills?repository=app", "outsider", 403),
				new Case("GET", "/api/skills/other/anything", "reader", 403),
				new Case("POST", "/api/skills app-by-reader", "reader", 403),
				new Case("POST", "/api/skills app-by-writer", "writer", 201),
				new Case("POST", "/api/skills team-skills-by-writer", "writer", 403),
				new Case("POST", "/api/skills team-skills-by-admin", "admin", 201));
		List<String> mismatches = new ArrayList<>();
		for (Case each : table) {
			String[] target = each.path().split(" ");
			String body = upload;
			if (target.length > 1) {
				String root = target[1].substring(0, target[1].indexOf("-by-"));
				body = "{\"name\": \"" + target[1] + "\", \"root\": \"" + root + "\"}";
			}
			Response response = call(each.method(), target[0], each.caller(), body);
			if (response.status() != each.status()) {
				mismatches.add(each + " -> " + response.status() + " " + response.body());
			}
		}
		assertThat(mismatches).isEmpty();
		assertThat(APP.resolve(".codex/skills/app-by-writer/SKILL.md")).isRegularFile();
		assertThat(APP.resolve(".codex/skills/app-by-reader")).doesNotExist();
		assertThat(TEAM_SKILLS.resolve("team-skills-by-writer")).doesNotExist();
		assertThat(TEAM_SKILLS.resolve("team-skills-by-admin/SKILL.md")).isRegularFile();
		assertThat(call("GET", "/api/skills", "reader", null).json().findValuesAsString("root"))
			.doesNotContain("other");
	}

	@Test
	void recordsTheTokenAsTheSourceWhateverTheCallerClaims() throws Exception {
		Response appended = call("POST", "/api/repos/app/learnings", "writer",
				"{\"learning\": \"When a token writes a row, use the token as its source, never the body.\","
						+ " \"evidence\": \"POST with source admin -> source token:writer in .learnings.jsonl\","
						+ " \"application\": \"Ignore the source a token caller sends.\", \"status\": \"do_more\","
						+ " \"source\": \"admin\"}");
		assertThat(appended.status()).isEqualTo(201);
		assertThat(appended.json().get("learning").get("row").get("source").asString()).isEqualTo("token:writer");
		assertThat(Files.readString(APP.resolve(".learnings.jsonl"))).contains("\"source\":\"token:writer\"")
			.doesNotContain("\"source\":\"admin\"");
	}

	@Test
	void showsTheTeamViewOnlyForReadableRepositories() {
		assertThat(call("GET", "/api/repos", "reader", null).json().findValuesAsString("name")).containsExactly("app");
		assertThat(call("GET", "/api/repos", "admin", null).json().findValuesAsString("name")).containsExactly("app",
				"other");
		assertThat(call("POST", "/api/repos/other/learnings", "outsider", HttpClientSupport
			.learningJson("When outsiders write, keep their rows in their own repository.", "do_more")).status())
			.isEqualTo(201);
		JsonNode team = call("GET", "/api/learnings/recall?query=outsiders+repository", "reader", null).json();
		assertThat(team.get("hits")).isEmpty();
		assertThat(call("GET", "/api/learnings/recall?query=outsiders&repo=other", "reader", null).status())
			.isEqualTo(403);
	}

	@Test
	void givesMcpToolsTheRolesTheirEndpointsNeed() {
		try (McpSyncClient reader = McpClients.of(this.port, TOKENS.get("reader"));
				McpSyncClient writer = McpClients.of(this.port, TOKENS.get("writer"));
				McpSyncClient outsider = McpClients.of(this.port, TOKENS.get("outsider"))) {
			reader.initialize();
			writer.initialize();
			outsider.initialize();
			Map<String, Object> row = Map.of("repository", "app", "learning",
					"When an MCP caller appends, require the writer role because tokens carry the roles.", "status",
					"do_more", "evidence", List.of("SecurityTests.java -> passed"), "application",
					"Give agents a writer token only where they may write.", "source", "someone-else");

			CallToolResult refused = reader.callTool(new CallToolRequest("append_learning", row));
			assertThat(refused.isError()).isTrue();
			assertThat(((TextContent) refused.content().get(0)).text())
				.isEqualTo("Not allowed (403): Token 'reader' needs role writer in repository 'app'.");
			assertThat(reader
				.callTool(new CallToolRequest("recall_learnings", Map.of("repository", "app", "query", "writer role")))
				.isError()).isFalse();

			CallToolResult appended = writer.callTool(new CallToolRequest("append_learning", row));
			assertThat(appended.isError()).as("%s", appended.content()).isFalse();
			assertThat(appended.structuredContent()).asString().contains("source=token:writer");

			CallToolResult foreign = outsider.callTool(new CallToolRequest("get_learning",
					Map.of("repository", "app", "id", "lrn-19700101T000000Z-00000000")));
			assertThat(((TextContent) foreign.content().get(0)).text()).startsWith("Not allowed (403)");
			CallToolResult teamWide = outsider
				.callTool(new CallToolRequest("recall_learnings", Map.of("query", "writer role tokens")));
			assertThat(teamWide.structuredContent()).asString().doesNotContain("repo=app");
		}
	}

	@Test
	void refusesMcpCallersWithoutATokenOrFromAForeignOrigin() {
		try (McpSyncClient anonymous = McpClients.of(this.port, null)) {
			assertThatThrownBy(anonymous::initialize).hasStackTraceContaining("Authorization error");
		}
		String initialize = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
				+ "{\"protocolVersion\": \"2025-11-25\", \"capabilities\": {}, "
				+ "\"clientInfo\": {\"name\": \"t\", \"version\": \"1\"}}}";
		Response anonymous = new HttpClientSupport(this.port).send(mcpPost(initialize).build());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		Response foreign = new HttpClientSupport(this.port)
			.send(mcpPost(initialize).header("Authorization", "Bearer " + TOKENS.get("reader"))
				.header("Origin", "http://evil.example")
				.build());
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		assertThat(foreign.json().get("detail").asString())
			.isEqualTo("Access to /mcp is refused to Origin 'http://evil.example'.");
		Response own = new HttpClientSupport(this.port)
			.send(mcpPost(initialize).header("Authorization", "Bearer " + TOKENS.get("reader")).build());
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("\"protocolVersion\":\"2025-11-25\"");
	}

	private HttpRequest.Builder mcpPost(String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	@Test
	void createsAndRevokesTokensThroughTheAdminEndpoint() {
		Response created = call("POST", "/api/admin/tokens", "admin",
				"{\"name\": \"ci-bot\", \"grants\": [\"app=reader\"]}");
		assertThat(created.status()).isEqualTo(201);
		String token = created.json().get("token").asString();
		assertThat(token).startsWith("lrn_");
		assertThat(call("GET", "/api/admin/tokens", "admin", null).body()).contains("ci-bot").doesNotContain(token);
		assertThat(callWith("GET", "/api/repos/app/learnings", token, null).status()).isEqualTo(200);
		assertThat(callWith("POST", "/api/repos/app/learnings", token,
				HttpClientSupport.learningJson("Readers cannot write.", "do_more"))
			.status()).isEqualTo(403);

		assertThat(call("DELETE", "/api/admin/tokens/ci-bot", "admin", null).status()).isEqualTo(204);
		assertThat(callWith("GET", "/api/repos/app/learnings", token, null).status()).isEqualTo(401);
		assertThat(
				call("POST", "/api/admin/tokens", "admin", "{\"name\": \"x\", \"grants\": [\"app=owner\"]}").status())
			.isEqualTo(400);
	}

	@Test
	void refusesToListenBeyondLoopbackWithoutTokens() {
		assertThat(SecurityConfiguration.isLoopback("127.0.0.1")).isTrue();
		assertThat(SecurityConfiguration.isLoopback("::1")).isTrue();
		assertThat(SecurityConfiguration.isLoopback("0.0.0.0")).isFalse();
		assertThatThrownBy(() -> new SpringApplicationBuilder(LearningsApplication.class).run("--server.port=0",
				"--server.address=0.0.0.0", "--learnings.data-dir=" + TestStores.newDirectory("open-data"),
				"--learnings.repos[0].name=open", "--learnings.repos[0].root=" + TestStores.newDirectory("open-repo")))
			.hasStackTraceContaining("may then listen on a loopback address only");
	}

	private Response call(String method, String path, String caller, String body) {
		String token = (caller == null) ? null : TOKENS.getOrDefault(caller, "not-a-token");
		return callWith(method, path, token, body);
	}

	private Response callWith(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, (body == null || method.equals("GET") || method.equals("DELETE"))
					? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return new HttpClientSupport(this.port).send(request.build());
	}

}
