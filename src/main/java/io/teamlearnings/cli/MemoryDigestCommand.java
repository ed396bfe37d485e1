package io.teamlearnings.cli;

import picocli.CommandLine.Command;

/**
 * {@code learnings memory-digest}: the service writes the repository's digest
 * ({@code POST .../learnings/memory-digest}) under its memories root and answers the
 * tool's line, {@code memory-digest: wrote <file> candidates=<n> sources=<n>}, printed on
 * standard output. The tool's {@code --scan-root}, {@code --since},
 * {@code --limit-candidates} and {@code --output} have no counterpart in the service and
 * are usage errors.
 */
@Command(name = "memory-digest", mixinStandardHelpOptions = true,
		description = "Write a disposable memory consolidation digest of the repository's learnings (on the service's "
				+ "machine, under its memories root).")
final class MemoryDigestCommand extends ServiceCommand {

	MemoryDigestCommand(Session session) {
		super(session);
	}

	@Override
	public Integer call() {
		checkPaths();
		Session session = session();
		ServiceClient.Reply reply = session.client().post(session.learnings() + "/memory-digest", null, "text/plain");
		if (!reply.successful()) {
			throw session.client().failure(reply);
		}
		io().out().print(reply.body());
		return ExitCode.OK;
	}

}
