package io.streamz.cluster.internal.driver;

import io.streamz.cluster.internal.job.JobResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The keyed elements of an {@code accumulateByKey} step, waiting in a lane per partition of their keys
 * in emit order, and which of them leave in the next task. A lane has at most one task out. A task
 * takes the waiting elements of lanes without a task out whose partitions lie on one server, whatever
 * their keys, as many as {@link ServerSlots} gives from the time per element {@link BatchPolicy}
 * measured; it goes to the server with a free slot and the fewest tasks out. Each element gets its
 * lane's next sequence number, and the task says per element whether a task with an element of its key
 * answered already (so the key's state must exist). Not thread-safe: guarded by the dispatcher's lock;
 * nothing here blocks or calls back.
 */
final class KeyLanes {

    /** An element with its key's state key and the key in serialized form (to name it on failure). */
    record Keyed(Item item, Object stateKey, byte[] key) {
    }

    /** An element waiting in its lane, with its place in the order elements reached the lanes (emit order). */
    private record Waiting(Keyed element, long arrival) {
    }

    /** The elements of one partition's keys, waiting in emit order, and whether a task has some out. */
    static final class Lane {
        final int partition;
        private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        boolean inFlight;
        long nextSeq;

        Lane(int partition, long firstSeq) {
            this.partition = partition;
            this.nextSeq = firstSeq;
        }

        /** When the lane's first waiting element arrived; only for a lane with elements waiting. */
        long oldest() {
            return waiting.getFirst().arrival;
        }
    }

    /**
     * The elements of a task for {@code server}, from {@code lanes}, each with its lane's sequence number
     * and whether its key's state was confirmed written when the task left.
     */
    record Task(UUID server, List<Lane> lanes, List<Keyed> elements, long[] seqs, boolean[] confirmed) {
        /** The partition the task is sent to: its first lane's (the others' states are reached from there). */
        int partition() {
            return lanes.get(0).partition;
        }

        int size() {
            return elements.size();
        }

        /** The elements' items, in order. */
        List<Item> items() {
            return elements.stream().map(Keyed::item).toList();
        }

        /** The elements' state keys, in order. */
        Object[] stateKeys() {
            return elements.stream().map(Keyed::stateKey).toArray();
        }
    }

    /** The lanes of one server with elements waiting: those without a task out, and how many elements wait in all. */
    private static final class ServerLanes {
        final List<Lane> ready = new ArrayList<>();
        int readyElements;
        int waiting;
    }

    /** The server holding a partition now, {@code null} for none. */
    private final IntFunction<UUID> primary;
    private final ServerSlots slots;
    private final BatchPolicy policy = new BatchPolicy();
    private final Map<Integer, Lane> lanes = new HashMap<>();
    /** The next element's place in arrival order. */
    private long arrivals;
    /** The state keys a task answered for, so the cluster holds their states. */
    private final Set<Object> confirmedKeys = new HashSet<>();
    /** The lanes' sequence number before their first element: a named state's run. */
    private long firstSeqBefore;
    /** Elements in the lanes, waiting or out in a task that has not answered. */
    private int held;

    /** Lanes whose partitions {@code primary} places, sending tasks as {@code slots} sizes them. */
    KeyLanes(IntFunction<UUID> primary, ServerSlots slots) {
        this.primary = primary;
        this.slots = slots;
    }

    /** Numbers the elements after {@code seq} (a named state's run); before the first element. */
    void numberAfter(long seq) {
        firstSeqBefore = seq;
    }

    /** Puts {@code element} at the end of the lane of {@code partition}. */
    void add(int partition, Keyed element) {
        lanes.computeIfAbsent(partition, p -> new Lane(p, firstSeqBefore + 1)).waiting.add(new Waiting(element, arrivals++));
        held++;
    }

    /** Whether no element ever reached a lane. */
    boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** Elements waiting in the lanes or out in tasks. */
    int held() {
        return held;
    }

    /**
     * The next task, the lanes taken marked as having a task out and counted on their server's slots;
     * {@code null} when none should leave now. A server with a free slot gets a task once its share is
     * ready (Nagle's rule, see {@link ServerSlots}), and also when its ready lanes hold the oldest element
     * waiting and enough of them for a task's worth of work ({@link BatchPolicy#batchLimit()}): every
     * later element waits for that one downstream ({@code gather} returns them in emit order), so
     * holding it back for a full share would leave the other servers' results, and soon their CPUs,
     * waiting too. A task takes the oldest elements first.
     */
    Task next() {
        Map<UUID, ServerLanes> byServer = new HashMap<>();
        Lane oldest = null;
        for (Lane lane : lanes.values()) {
            if (!lane.waiting.isEmpty()) {
                ServerLanes server = byServer.computeIfAbsent(primary.apply(lane.partition), s -> new ServerLanes());
                server.waiting += lane.waiting.size();
                if (!lane.inFlight) {
                    server.ready.add(lane);
                    server.readyElements += lane.waiting.size();
                }
                if (oldest == null || lane.oldest() < oldest.oldest()) {
                    oldest = lane;
                }
            }
        }
        boolean oldestReady = oldest != null && !oldest.inFlight;
        UUID holdsOldest = oldestReady ? primary.apply(oldest.partition) : null;
        int batchLimit = policy.batchLimit();
        UUID chosen = null;
        int size = 0;
        for (Map.Entry<UUID, ServerLanes> server : byServer.entrySet()) {
            UUID id = server.getKey();
            ServerLanes ready = server.getValue();
            int wanted = slots.taskSize(id, ready.waiting, batchLimit);
            boolean urgent = oldestReady && Objects.equals(id, holdsOldest) && ready.readyElements >= batchLimit && slots.free(id);
            if (!ready.ready.isEmpty() && (urgent || slots.sendNow(id, ready.readyElements, wanted))
                    && (size == 0 || slots.tasks(id) < slots.tasks(chosen))) {
                chosen = id;
                size = wanted;
            }
        }
        return size == 0 ? null : take(chosen, byServer.get(chosen).ready, size);
    }

    private Task take(UUID server, List<Lane> ready, int size) {
        List<Lane> taken = new ArrayList<>();
        List<Keyed> elements = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        ready.sort(Comparator.comparingLong(Lane::oldest));
        for (Lane lane : ready) {
            taken.add(lane);
            lane.inFlight = true;
            while (!lane.waiting.isEmpty() && elements.size() < size) {
                elements.add(lane.waiting.poll().element);
                seqs.add(lane.nextSeq++);
            }
            if (elements.size() >= size) {
                break;
            }
        }
        slots.sent(server, elements.size());
        boolean[] confirmed = new boolean[elements.size()];
        for (int i = 0; i < confirmed.length; i++) {
            confirmed[i] = confirmedKeys.contains(elements.get(i).stateKey);
        }
        return new Task(server, taken, elements, seqs.stream().mapToLong(Long::longValue).toArray(), confirmed);
    }

    /** The job of {@code task} answered: it wrote (or found) the state of every key of the task. */
    void confirmed(Task task) {
        task.elements.forEach(k -> confirmedKeys.add(k.stateKey));
    }

    /**
     * {@code task} is over, answered ({@code result}, whose time per element sizes later tasks) or not
     * ({@code null}): its lanes may send again.
     */
    void finished(Task task, JobResult result) {
        task.lanes.forEach(lane -> lane.inFlight = false);
        slots.answered(task.server, task.size());
        held -= task.size();
        if (result != null) {
            policy.record(task.size(), result.nanos());
        }
    }

    /** Empties the lanes, returning the elements that waited (those out stay counted until their task is over). */
    List<Item> drain() {
        List<Item> dropped = new ArrayList<>();
        for (Lane lane : lanes.values()) {
            lane.waiting.forEach(w -> dropped.add(w.element.item));
            held -= lane.waiting.size();
            lane.waiting.clear();
        }
        return dropped;
    }

    @Override
    public String toString() {
        return "KeyLanes[" + lanes.size() + " lanes, " + held + " elements held, " + slots + "]";
    }
}
