package io.teamlearnings.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SHA-256 as lower-case hex, checked against the FIPS 180-2 test vectors.
 */
class Sha256Tests {

	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void digestsTheStandardVectors() {
		assertThat(Sha256.hex("abc")).isEqualTo(ABC);
		assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
			.isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	}

	@Test
	void digestsTextAsUtf8() {
		assertThat(Sha256.hex("é")).isEqualTo(Sha256.hex(new byte[] { (byte) 0xC3, (byte) 0xA9 }))
			.isNotEqualTo(Sha256.hex(new byte[] { (byte) 0xE9 }));
	}

	@Test
	void digestsOnlyTheGivenRangeOfAnArray() {
		byte[] padded = "xxabcyy".getBytes(StandardCharsets.US_ASCII);

		assertThat(Sha256.hex(padded, 2, 3)).isEqualTo(ABC);
		assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
	}

	@Test
	void givesAFreshDigestForDataFedInPieces() {
		MessageDigest first = Sha256.digest();
		first.update("ab".getBytes(StandardCharsets.US_ASCII));
		MessageDigest second = Sha256.digest();
		first.update("c".getBytes(StandardCharsets.US_ASCII));

		assertThat(second).isNotSameAs(first);
		assertThat(HexFormat.of().formatHex(first.digest())).isEqualTo(ABC);
		assertThat(HexFormat.of().formatHex(second.digest())).isEqualTo(Sha256.hex(""));
	}

	@Test
	void printsSixtyFourLowerCaseHexCharacters() {
		assertThat(Sha256.hex("The quick brown fox jumps over the lazy dog")).hasSize(64)
			.matches("[0-9a-f]{64}")
			.isEqualTo("d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
	}

}
