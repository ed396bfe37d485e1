package io.teamlearnings.learnings.jsonl;

import java.util.HashSet;
import java.util.Set;

import org.springframework.lang.Nullable;

/**
 * Tells, row by row in file order, which rows are cross-clone duplicates: a row whose
 * fingerprint (the learnings tool's {@code sha1(status + "|" + lower(learning))}, first
 * 16 hex characters) an earlier row of the file already has, and which supersedes
 * nothing. Neither the tool nor the service appends such a row to a file that has the
 * fingerprint, so one arrives only when two clones captured the same rule and git merged
 * their files. Both lines stay (the file is canonical and both are real); health counts
 * the later ones and recall shows the rule once, as its first row. The one definition of
 * the rule, used by the health check and by recall.
 * <p>
 * Fingerprints of the tool's form are kept as 64-bit numbers in an open-addressing table
 * (about 16 bytes a row), others as strings.
 */
public final class CrossCloneDuplicates {

	private long[] table = new long[64];

	private int size;

	private boolean zeroSeen;

	private final Set<String> others = new HashSet<>();

	/**
	 * Takes the next row of the file.
	 * @param fingerprint its {@code fingerprint}; blank for none
	 * @param supersedesId its {@code supersedes_id}, if any
	 * @return whether it is a cross-clone duplicate of an earlier row
	 */
	public boolean next(@Nullable String fingerprint, @Nullable String supersedesId) {
		if (fingerprint == null || fingerprint.isBlank()) {
			return false;
		}
		boolean seen = !add(fingerprint);
		return seen && (supersedesId == null || supersedesId.isBlank());
	}

	/** Adds a fingerprint; false if it was there already. */
	private boolean add(String fingerprint) {
		if (fingerprint.length() != 16) {
			return this.others.add(fingerprint);
		}
		long value = 0;
		for (int i = 0; i < 16; i++) {
			char c = fingerprint.charAt(i);
			int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
			if (digit < 0) {
				return this.others.add(fingerprint);
			}
			value = (value << 4) | digit;
		}
		if (value == 0) {
			boolean added = !this.zeroSeen;
			this.zeroSeen = true;
			return added;
		}
		if (2 * (this.size + 1) > this.table.length) {
			grow();
		}
		return insert(this.table, value);
	}

	private boolean insert(long[] into, long value) {
		int mask = into.length - 1;
		for (int slot = slot(value, mask);; slot = (slot + 1) & mask) {
			if (into[slot] == value) {
				return false;
			}
			if (into[slot] == 0) {
				into[slot] = value;
				if (into == this.table) {
					this.size++;
				}
				return true;
			}
		}
	}

	private void grow() {
		long[] bigger = new long[this.table.length * 2];
		int mask = bigger.length - 1;
		for (long value : this.table) {
			if (value != 0) {
				int slot = slot(value, mask);
				while (bigger[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				bigger[slot] = value;
			}
		}
		this.table = bigger;
	}

	private static int slot(long value, int mask) {
		return Long.hashCode(value * 0x9E3779B97F4A7C15L) & mask;
	}

}
