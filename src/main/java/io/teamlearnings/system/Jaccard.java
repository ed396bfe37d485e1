package io.teamlearnings.system;

import java.util.HashSet;
import java.util.Set;

/**
 * Jaccard similarity, |A ∩ B| / |A ∪ B|, 0 when both sets are empty: how near-duplicates,
 * themes and repeated requests compare sets of terms.
 */
public final class Jaccard {

	private Jaccard() {
	}

	/**
	 * @param shared how many elements the sets share
	 * @param sizeA the first set's size
	 * @param sizeB the second set's size
	 * @return the similarity, 0 to 1
	 */
	public static double of(int shared, int sizeA, int sizeB) {
		int union = sizeA + sizeB - shared;
		return (union == 0) ? 0 : (double) shared / union;
	}

	/**
	 * @param <T> the element type
	 * @param a a set
	 * @param b another set
	 * @return their similarity, 0 to 1
	 */
	public static <T> double of(Set<T> a, Set<T> b) {
		Set<T> shared = new HashSet<>(a);
		shared.retainAll(b);
		return of(shared.size(), a.size(), b.size());
	}

	/**
	 * @param a sorted distinct values
	 * @param b other sorted distinct values
	 * @return their similarity as sets, 0 to 1
	 */
	public static double ofSorted(int[] a, int[] b) {
		int shared = 0;
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return of(shared, a.length, b.length);
	}

}
