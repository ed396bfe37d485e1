package io.teamlearnings.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Measured values and the order statistics the report gives of them. */
record Samples(double[] sorted) {

	static Samples of(List<Double> values) {
		return new Samples(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
	}

	static Samples of(double... values) {
		double[] copy = values.clone();
		Arrays.sort(copy);
		return new Samples(copy);
	}

	/** The value below which {@code p} (0-1) of the samples lie (nearest rank). */
	double percentile(double p) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p * this.sorted.length);
		return this.sorted[Math.min(this.sorted.length - 1, Math.max(0, rank - 1))];
	}

	double median() {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int middle = this.sorted.length / 2;
		return (this.sorted.length % 2 == 1) ? this.sorted[middle]
				: (this.sorted[middle - 1] + this.sorted[middle]) / 2;
	}

	double min() {
		return this.sorted[0];
	}

	double max() {
		return this.sorted[this.sorted.length - 1];
	}

	int size() {
		return this.sorted.length;
	}

	/** {@code median (min-max)} with the given format for each. */
	String describe(String format) {
		if (this.sorted.length == 1) {
			return String.format(Locale.ROOT, format, median());
		}
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
	}

}
