package io.streamz.benchmarks.scaleout;

/**
 * What one workload did on one cluster size.
 *
 * @param workload          the workload's name, as the table and chart show it
 * @param servers           the number of server containers
 * @param elementsPerSecond elements through the pipeline per second, in the measured window
 * @param cpuPercent        the CPU a container used meanwhile as {@code docker stats} reports it (percent of
 *                          one core, averaged over the containers), or NaN when not sampled
 * @param driverCpuPercent  the CPU the driver (the benchmark's JVM) used meanwhile, percent of one core
 */
record Measurement(String workload, int servers, double elementsPerSecond, double cpuPercent, double driverCpuPercent) {
}
