package io.streamz.cluster.measure;

import io.streamz.Stream;
import io.streamz.cluster.ClusterStream;
import io.streamz.cluster.IgniteCluster;
import java.io.Serializable;
import java.util.List;

/** Joins servers in another JVM (which lack every streamz and test class) and runs the cluster operators. */
public final class RemoteServerCheck {
    record Point(int x, int y) implements Serializable {
    }

    static final class Scale implements Serializable {
        final int factor;

        Scale(int factor) {
            this.factor = factor;
        }
    }

    static final class Odd extends RuntimeException {
        Odd(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        try (IgniteCluster cluster = IgniteCluster.connect(args.length > 0 ? args : new String[] {"127.0.0.1:47500"})) {
            System.out.println("joined " + cluster + " servers=" + cluster.ignite().cluster().forServers().nodes().size());
            Scale scale = new Scale(3);
            Stream<Integer> source = Stream.create();
            ClusterStream<Integer> scattered = source.scatter();
            ClusterStream<Point> points = scattered.map((Integer i) -> new Point(i, i * scale.factor));
            List<Integer> sums = points.map((Point p) -> p.x() + p.y()).buffer(8).gather().sinkToList();
            List<Point> kept = points.filter((Point p) -> p.x() % 2 == 0).buffer(8).gather().sinkToList();
            List<Integer> running = scattered.accumulate((Integer a, Integer b) -> a + b, 0).buffer(8).gather().sinkToList();
            List<Integer> zipped = scattered.map((Integer i) -> i + 1).zip(scattered.map((Integer i) -> i * 2))
                    .starmap((Integer a, Integer b) -> a * b).buffer(8).gather().sinkToList();
            for (int i = 0; i < 10; i++) {
                source.emit(i);
            }
            source.drain();
            System.out.println("sums " + sums);
            System.out.println("kept " + kept);
            System.out.println("running " + running);
            System.out.println("zipped " + zipped);

            Stream<Integer> failing = Stream.create();
            failing.scatter().map((Integer i) -> {
                if (i % 2 == 1) {
                    throw new Odd("odd " + i);
                }
                return i;
            }).gather().sinkToList();
            failing.emit(2);
            try {
                failing.emit(3);
                System.out.println("NO EXCEPTION");
            } catch (RuntimeException e) {
                System.out.println("emit(3) threw " + e);
            }
            System.out.println("stored after drain: " + cluster.storedResults());
        }
    }
}
