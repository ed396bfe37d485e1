package io.teamlearnings.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load: {@code clients} threads, each sending its next request as soon
 * as the previous one is answered, for a warm-up and then a measured period. Counts the
 * answers by status and keeps every measured latency.
 */
final class Load {

	private Load() {
	}

	/**
	 * What one measured period gave.
	 *
	 * @param perSecond answers with the expected status per second
	 * @param expected answers with the expected status
	 * @param other answers with any other status, or failures
	 * @param latenciesMs latency of every expected answer
	 * @param acknowledged answers with the expected status, warm-up included
	 * @param otherStatuses the answers with another status, warm-up included, by status
	 * ({@code -1} for a request that got no answer)
	 */
	record Result(double perSecond, long expected, long other, Samples latenciesMs, long acknowledged,
			Map<Integer, Long> otherStatuses) {

		Result {
			otherStatuses = Map.copyOf(otherStatuses);
		}

	}

	/**
	 * Runs the load. {@code requests} gives client {@code i}'s next request (it is called
	 * from that client's thread only).
	 */
	static Result run(HttpClient http, int clients, Duration warmUp, Duration measured, int expectedStatus,
			IntFunction<HttpRequest> requests) throws InterruptedException {
		AtomicLong expected = new AtomicLong();
		AtomicLong other = new AtomicLong();
		AtomicLong acknowledged = new AtomicLong();
		Map<Integer, Long> otherStatuses = new ConcurrentHashMap<>();
		List<List<Double>> latencies = new ArrayList<>();
		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long end = measureFrom + measured.toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			List<Double> mine = new ArrayList<>();
			latencies.add(mine);
			Thread thread = new Thread(() -> {
				try {
					while (true) {
						HttpRequest request = requests.apply(client);
						long sent = System.nanoTime();
						if (sent >= end) {
							break;
						}
						int status;
						try {
							status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						}
						catch (IOException ex) {
							status = -1;
						}
						long answered = System.nanoTime();
						if (status == expectedStatus) {
							acknowledged.incrementAndGet();
						}
						else {
							otherStatuses.merge(status, 1L, Long::sum);
						}
						if (sent >= measureFrom && answered <= end) {
							if (status == expectedStatus) {
								expected.incrementAndGet();
								mine.add((answered - sent) / 1e6);
							}
							else {
								other.incrementAndGet();
							}
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}, "load-" + c);
			thread.start();
		}
		done.await();
		List<Double> all = new ArrayList<>();
		latencies.forEach(all::addAll);
		return new Result(expected.get() / (measured.toNanos() / 1e9), expected.get(), other.get(), Samples.of(all),
				acknowledged.get(), otherStatuses);
	}

}
