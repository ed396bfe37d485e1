package io.teamlearnings.admissions;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The admission gate's answer, check by check.
 *
 * @param admitted whether every check passed
 * @param checks each check with whether it passed and why
 */
@Schema(name = "GateVerdict")
record GateVerdict(boolean admitted, List<Check> checks) {

	/**
	 * One check of the gate.
	 *
	 * @param name the check
	 * @param passed whether it passed
	 * @param reason why it passed or failed
	 */
	@Schema(name = "GateCheck")
	record Check(String name, boolean passed, String reason) {
	}

	List<Check> failed() {
		return this.checks.stream().filter((check) -> !check.passed()).toList();
	}

}
