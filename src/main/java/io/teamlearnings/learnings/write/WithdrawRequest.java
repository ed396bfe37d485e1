package io.teamlearnings.learnings.write;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.lang.Nullable;

/**
 * Why a row is withdrawn from recall and memory.
 *
 * @param reason why the row no longer holds
 * @param source who or what withdraws it
 */
@Schema(name = "WithdrawRequest")
record WithdrawRequest(
		@Schema(example = "The launchd runner was replaced by systemd timers; the rule no longer applies.",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotBlank @Size(max = 4000) String reason,
		@Schema(example = "skill:learnings") @Nullable @Size(max = 200) String source) {
}
