package io.teamlearnings.mcp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.teamlearnings.support.HttpClientSupport;
import io.teamlearnings.support.McpClients;
import io.teamlearnings.support.SharedServiceContext;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP server over real HTTP, driven by the official MCP Java SDK's client as an
 * agent's host drives it: the handshake, the tools and their schemas, and each tool's
 * answer checked against the file or against the REST endpoint it mirrors.
 */
class McpServerTests extends SharedServiceContext {

	private static final String REPO = "mcp-app";

	private static final String RULE = "When an MCP tool appends a learning, prefer the service's gate because the file stays canonical.";

	@LocalServerPort
	int port;

	private McpSyncClient client;

	@BeforeEach
	void connect() {
		this.client = McpClients.of(this.port, null);
		this.client.initialize();
	}

	@AfterEach
	void close() {
		this.client.closeGracefully();
	}

	@Test
	void introducesItselfAndListsEveryToolWithItsSchema() {
		McpSchema.InitializeResult init = this.client.getCurrentInitializationResult();
		assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
		assertThat(init.serverInfo().name()).isEqualTo("learnings-service");
		assertThat(init.instructions()).contains("recall_learnings", "append_learning");
		assertThat(init.capabilities().tools()).isNotNull();

		List<McpSchema.Tool> tools = this.client.listTools().tools();
		assertThat(tools).extracting(McpSchema.Tool::name)
			.containsExactlyInAnyOrder("list_repositories", "get_learning", "recent_learnings", "recall_learnings",
					"append_learning", "supersede_learning", "withdraw_learning", "codify_candidates", "admit_learning",
					"recent_conversations", "lesson_signals", "validate_skill", "match_skill");
		McpSchema.Tool append = tool(tools, "append_learning");
		assertThat(append.inputSchema().get("required")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("repository", "learning");
		assertThat(append.inputSchema().get("properties")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsKeys("evidence", "application", "status", "tags", "context", "force", "quality_mode");
		assertThat(append.annotations().readOnlyHint()).isFalse();
		assertThat(append.description()).contains("quality gate");
		McpSchema.Tool recall = tool(tools, "recall_learnings");
		assertThat(recall.inputSchema().get("properties")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsKeys("query", "repository", "paths", "limit", "as_of");
		assertThat(recall.annotations().readOnlyHint()).isTrue();
	}

	@Test
	void appendsThroughTheGateAndRecallFindsTheRow() throws IOException {
		CallToolResult appended = call("append_learning",
				Map.of("repository", REPO, "learning", RULE, "status", "do_more", "evidence",
						List.of("McpServerTests.java: tools/call append_learning -> passed"), "application",
						"Append through append_learning in every agent session.", "tags", List.of("mcp")));

		assertThat(appended.isError()).as("%s", appended.content()).isFalse();
		String proof = text(appended, 0);
		assertThat(proof).startsWith("appended: id=lrn-")
			.contains(" status=do_more path=" + root(REPO).resolve(".learnings.jsonl"));
		String id = proof.substring("appended: id=".length(), proof.indexOf(' ', "appended: id=".length()));
		assertThat(structured(appended)).containsEntry("outcome", "appended").containsEntry("id", id);
		assertThat(Files.readString(root(REPO).resolve(".learnings.jsonl"))).contains("\"id\":\"" + id + "\"");

		CallToolResult recalled = call("recall_learnings",
				Map.of("repository", REPO, "query", "MCP tool appends learning gate", "limit", 3));
		assertThat(recalled.isError()).as("%s", recalled.content()).isFalse();
		assertThat(hitIds(recalled)).first().isEqualTo(id);

		CallToolResult again = call("append_learning", Map.of("repository", REPO, "learning", RULE, "status", "do_more",
				"evidence", List.of("McpServerTests.java second call -> passed"), "application", "Append once."));
		assertThat(again.isError()).as("%s", again.content()).isFalse();
		assertThat(text(again, 0)).startsWith("duplicate-skip: fingerprint=").contains("existing_id=" + id);
	}

	@Test
	void answersARowTheGateRefusesAsAToolErrorWithTheToolsLines() throws IOException {
		Path store = root(REPO).resolve(".learnings.jsonl");
		String before = Files.exists(store) ? Files.readString(store) : "";

		CallToolResult refused = call("append_learning",
				Map.of("repository", REPO, "learning", "Use caches.", "evidence", List.of("none_provided")));

		assertThat(refused.isError()).isTrue();
		assertThat(text(refused, 0)).contains("(422)")
			.contains("quality-error: learning is too short; include a durable decision rule.")
			.contains("quality-error: evidence contains placeholder text.")
			.endsWith("quality-error: use --quality-mode best_effort only for intentional exceptions.");
		assertThat(structured(refused)).containsEntry("status", 422);
		assertThat(Files.exists(store) ? Files.readString(store) : "").isEqualTo(before);
	}

	@Test
	void answersBadInputAsToolErrorsNamingWhatWasWrong() {
		CallToolResult unknown = call("recall_learnings", Map.of("repository", "nosuch", "query", "anything"));
		assertThat(unknown.isError()).isTrue();
		assertThat(text(unknown, 0)).startsWith("Unknown repository (404)").contains("nosuch");

		CallToolResult tooMany = call("recall_learnings", Map.of("repository", REPO, "query", "x", "limit", 5000));
		assertThat(tooMany.isError()).isTrue();
		assertThat(text(tooMany, 0)).contains("(400)").contains("limit");

		CallToolResult badInstant = call("recall_learnings", Map.of("query", "x", "as_of", "yesterday"));
		assertThat(badInstant.isError()).isTrue();
		assertThat(text(badInstant, 0)).contains("Argument 'as_of' must be an ISO-8601 instant");

		CallToolResult blank = call("append_learning", Map.of("repository", REPO, "learning", "  "));
		assertThat(blank.isError()).isTrue();
		assertThat(text(blank, 0)).contains("Argument 'learning' must not be blank");

		CallToolResult wrongType = call("append_learning", Map.of("repository", REPO, "learning", RULE, "tags", 7));
		assertThat(wrongType.isError()).isTrue();

		CallToolResult unknownArgument = call("get_learning", Map.of("repository", REPO, "id", "x", "extra", true));
		assertThat(unknownArgument.isError()).isTrue();

		CallToolResult noSkill = call("validate_skill", Map.of());
		assertThat(text(noSkill, 0)).contains("Argument 'arguments' name at least one path or upload.");

		CallToolResult huge = call("codify_candidates", Map.of("repository", REPO, "min_count", 99999999999L));
		assertThat(text(huge, 0)).contains("Argument 'min_count' must be between");

		CallToolResult missing = call("get_learning",
				Map.of("repository", REPO, "id", "lrn-19700101T000000Z-00000000"));
		assertThat(missing.isError()).isTrue();
		assertThat(text(missing, 0)).contains("(404)").contains("lrn-19700101T000000Z-00000000");
	}

	@Test
	void refusesWhatIsNotOneWellFormedJsonRpcMessageNamingWhatWasWrong() throws IOException {
		Path store = root(REPO).resolve(".learnings.jsonl");
		String before = Files.exists(store) ? Files.readString(store) : "";
		String append = "{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": \"tools/call\", \"params\": {\"name\": "
				+ "\"append_learning\", \"arguments\": {\"repository\": \"" + REPO + "\", \"learning\": \"When "
				+ "bytes are not UTF-8, prefer refusing them because rows must hold text.\", \"evidence\": "
				+ "[\"McpServerTests.java -> passed\"], \"application\": \"Refuse.\", \"status\": \"do_more\"}}}";
		byte[] notUtf8 = append.replace("are not UTF-8", "are \u00ff\u00fe").getBytes(StandardCharsets.ISO_8859_1);

		assertRefused(mcp(notUtf8), 400, null, -32700, "not UTF-8");
		assertRefused(mcp(append.replace("{\"repository\"", "{\"repository\": \"mcp-other\", \"repository\"")), 400,
				null, -32700, "Duplicate Object property \"repository\"");
		assertRefused(mcp("garbage"), 400, null, -32700, "Parse error");
		assertRefused(mcp("[" + append + "]"), 400, null, -32600, "Batches are not supported");
		assertRefused(mcp("null"), 400, null, -32600, "JSON object");
		assertRefused(mcp(append.replace("\"2.0\"", "\"1.0\"")), 400, 7, -32600, "'jsonrpc' must be \"2.0\"");
		assertRefused(mcp("{\"jsonrpc\": \"2.0\", \"id\": 8, \"method\": \"tools/call\"}"), 200, 8, -32602,
				"params.name");
		assertRefused(mcp("{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"tools/call\", \"params\": {\"name\": "
				+ "\"get_learning\", \"arguments\": [1, 2]}}"), 200, 9, -32602, "params.arguments");
		assertRefused(mcp("{\"jsonrpc\": \"2.0\", \"id\": \"a\", \"method\": \"initialize\"}"), 200, "a", -32602,
				"protocolVersion");
		assertRefused(send(post(append).header("MCP-Protocol-Version", "1999-01-01")), 400, null, -32600,
				"Unsupported MCP-Protocol-Version");
		assertRefused(send(post(append).setHeader("Content-Type", "application/json; charset=ISO-8859-1")), 415, null,
				-32600, "charset");
		assertRefused(
				send(post(append).POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(new byte[300 * 1024])))),
				413, null, -32600, "too large");
		HttpClientSupport.Response noAccept = new HttpClientSupport(this.port).postJson("/mcp", append);
		assertThat(noAccept.status()).isEqualTo(400);
		assertThat(noAccept.body()).contains("text/event-stream").doesNotContain("stackTrace", "McpError");

		assertThat(Files.exists(store) ? Files.readString(store) : "").isEqualTo(before);
		assertThat(mcp(append).body()).contains("appended: id=");
	}

	private HttpClientSupport.Response mcp(String body) {
		return send(post(body));
	}

	private HttpClientSupport.Response mcp(byte[] body) {
		return send(post("").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder post(String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpClientSupport.Response send(HttpRequest.Builder request) {
		return new HttpClientSupport(this.port).send(request.build());
	}

	private static void assertRefused(HttpClientSupport.Response response, int status, Object id, int code,
			String message) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.json().get("jsonrpc").asString()).isEqualTo("2.0");
		assertThat(response.json().get("id").isNull() ? null : (response.json().get("id").isString()
				? response.json().get("id").asString() : (Object) response.json().get("id").asInt()))
			.isEqualTo(id);
		assertThat(response.json().get("error").get("code").asInt()).isEqualTo(code);
		assertThat(response.json().get("error").get("message").asString()).contains(message);
		assertThat(response.body()).doesNotContain("stackTrace", "Exception", "io.modelcontextprotocol");
	}

	@Test
	void supersedesAndWithdrawsAsTheEndpointsDo() {
		CallToolResult first = call("append_learning",
				Map.of("repository", REPO, "learning",
						"When a supersession test runs over MCP, keep the old line because the file is append-only.",
						"status", "do_more", "evidence", List.of("McpServerTests.supersedes -> passed"), "application",
						"Supersede instead of editing."));
		String id = (String) structured(first).get("id");

		CallToolResult second = call("supersede_learning", Map.of("repository", REPO, "id", id, "learning",
				"When a supersession test runs over MCP, keep every old line because the file is append-only and audited.",
				"status", "do_more", "evidence", List.of("McpServerTests.supersedes -> passed twice"), "application",
				"Supersede through supersede_learning."));
		assertThat(second.isError()).as("%s", second.content()).isFalse();
		String newId = (String) structured(second).get("id");

		CallToolResult old = call("get_learning", Map.of("repository", REPO, "id", id));
		assertThat(structured(old).get("superseded_by")).asString().contains(newId);

		CallToolResult again = call("supersede_learning",
				Map.of("repository", REPO, "id", id, "learning",
						"When a row is already superseded, prefer its head because chains have one head.", "evidence",
						List.of("McpServerTests.java -> 409 Conflict"), "application", "Supersede the head."));
		assertThat(again.isError()).isTrue();
		assertThat(text(again, 0)).contains("(409)").contains(newId);

		CallToolResult withdrawn = call("withdraw_learning",
				Map.of("repository", REPO, "id", newId, "reason", "The rule was only for this test."));
		assertThat(withdrawn.isError()).as("%s", withdrawn.content()).isFalse();
		assertThat(text(withdrawn, 0)).startsWith("appended: id=").contains("status=withdrawn");
	}

	@Test
	void answersTheSameTextAsTheEndpointsItMirrors() {
		HttpClientSupport http = new HttpClientSupport(this.port);

		CallToolResult extract = call("recent_conversations", Map.of("lookback_minutes", 60));
		HttpClientSupport.Response restExtract = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/sessions/extract?lookback_minutes=60"))
			.header("Accept", "text/plain")
			.build());
		assertThat(extract.isError()).as("%s", extract.content()).isFalse();
		assertThat(text(extract, 0)).isEqualTo(restExtract.body());

		CallToolResult codify = call("codify_candidates", Map.of("repository", "fixture-shared"));
		HttpClientSupport.Response restCodify = http.send(HttpRequest
			.newBuilder(URI
				.create("http://127.0.0.1:" + this.port + "/api/repos/fixture-shared/learnings/codify-candidates"))
			.header("Accept", "text/plain")
			.build());
		assertThat(text(codify, 0)).isEqualTo(restCodify.body()).contains("score");

		CallToolResult validated = call("validate_skill", Map.of("uploads", List.of(Map.of("name", "draft", "content",
				"---\nname: draft\ndescription: Drafts release notes. Use when a release is cut.\n---\n# Draft\n"))));
		assertThat(validated.isError()).as("%s", validated.content()).isFalse();
		assertThat(text(validated, 0)).contains("Skill is valid!");

		CallToolResult repositories = call("list_repositories", Map.of());
		assertThat(structured(repositories).get("repositories")).asString()
			.contains("name=" + REPO, "root=" + root(REPO));
	}

	@Test
	void admitsAProvenRuleOnlyWhenTheGateIsMet() {
		CallToolResult row = call("append_learning", Map.of("repository", "mcp-other", "learning",
				"When an agent admits a rule over MCP, require the gate's checks because memory outlives sessions.",
				"status", "codify_now", "evidence", List.of("McpServerTests.admits -> passed"), "application",
				"Admit through admit_learning after the row is proven."));
		String id = (String) structured(row).get("id");

		CallToolResult dryRun = call("admit_learning",
				Map.of("repository", "mcp-other", "learning_id", id, "scope", List.of("src/main/java"),
						"decision_delta", "Future agents should admit through the gate.", "future_behavior",
						"Call admit_learning.", "verification", "The note exists under notes/.", "dry_run", true));
		assertThat(dryRun.isError()).as("%s", dryRun.content()).isFalse();
		assertThat(structured(dryRun)).containsEntry("outcome", "dry-run");
		assertThat(text(dryRun, 0)).contains("canonical: id=" + id);

		CallToolResult once = call("append_learning", Map.of("repository", "mcp-other", "learning",
				"When an MCP test needs a weak admission, prefer a do_more row seen once because the gate refuses it.",
				"status", "do_more", "evidence", List.of("McpServerTests.java -> passed"), "application",
				"Expect not-attempted."));
		CallToolResult refused = call("admit_learning",
				Map.of("repository", "mcp-other", "learning_id", (String) structured(once).get("id"), "scope",
						List.of("src"), "decision_delta", "d", "future_behavior", "f", "verification", "v", "dry_run",
						true));
		assertThat(structured(refused)).containsEntry("outcome", "not-attempted");
		assertThat(text(refused, 0)).contains("memory-note: not-attempted");
	}

	private CallToolResult call(String tool, Map<String, Object> arguments) {
		return this.client.callTool(new CallToolRequest(tool, arguments));
	}

	private static McpSchema.Tool tool(List<McpSchema.Tool> tools, String name) {
		return tools.stream().filter((tool) -> tool.name().equals(name)).findFirst().orElseThrow();
	}

	static String text(CallToolResult result, int index) {
		return ((TextContent) result.content().get(index)).text();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> structured(CallToolResult result) {
		return (Map<String, Object>) result.structuredContent();
	}

	@SuppressWarnings("unchecked")
	private static List<String> hitIds(CallToolResult result) {
		List<Map<String, Object>> hits = (List<Map<String, Object>>) structured(result).get("hits");
		return hits.stream().map((hit) -> (String) hit.get("id")).toList();
	}

}
