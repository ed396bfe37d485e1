package io.teamlearnings.learnings.jsonl;

import org.springframework.lang.Nullable;

/**
 * Tells, row by row in file order, which rows are cross-clone duplicates: a row whose
 * exact-duplicate key ({@link CanonicalFormat#duplicateKey}: status and learning
 * NFC-normalised, whitespace-collapsed and case-folded) an earlier row of the file
 * already has, and which supersedes nothing. It is the key the append-time
 * exact-duplicate check compares, so a rule written in NFC in one clone and in NFD in
 * another (two fingerprints, field report case D) is one rule here too. Neither the tool
 * nor the service appends such a row to a file that has the rule, so one arrives only
 * when two clones captured the same rule and git merged their files. Both lines stay (the
 * file is canonical and both are real); health counts the later ones and recall shows the
 * rule once, as its first row. The one definition of the rule, used by the health check
 * and by recall.
 * <p>
 * Keys are kept as their first 64 bits in an open-addressing table (about 16 bytes a
 * row).
 */
public final class CrossCloneDuplicates {

	private long[] table = new long[64];

	private int size;

	private boolean zeroSeen;

	/**
	 * Takes the next row of the file.
	 * @param status its {@code status} as written
	 * @param learning its {@code learning} as written; blank for none
	 * @param supersedesId its {@code supersedes_id}, if any
	 * @return whether it is a cross-clone duplicate of an earlier row
	 */
	public boolean next(@Nullable String status, @Nullable String learning, @Nullable String supersedesId) {
		if (learning == null || learning.isBlank()) {
			return false;
		}
		boolean seen = !add(CanonicalFormat.duplicateKey((status != null) ? status : "", learning));
		return seen && (supersedesId == null || supersedesId.isBlank());
	}

	/** Adds a key (hex); false if it was there already. */
	private boolean add(String key) {
		long value = Long.parseUnsignedLong(key.substring(0, 16), 16);
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
