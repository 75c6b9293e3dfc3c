package io.streamz.local.internal.core;

/**
 * The {@link Refs} of elements a node keeps in numbered places (a sliding window's ring, the latest
 * element of each input of {@code combine_latest}); allocates nothing until an element with
 * references arrives. Not thread-safe: the owning node guards it with its lock.
 */
public final class RefSlots {
    private final int size;
    private Refs[] slots;

    /** {@code size} empty places. */
    public RefSlots(int size) {
        this.size = size;
    }

    /** Puts {@code held} (owned, may be {@code null}) in place {@code slot}; returns what was there, now the caller's. */
    public Refs put(int slot, Refs held) {
        if (slots == null) {
            if (held == null) {
                return null;
            }
            slots = new Refs[size];
        }
        Refs previous = slots[slot];
        slots[slot] = held;
        return previous;
    }

    /** The union of every place's references, retained once for the caller; {@code null} when none. */
    public Refs retainUnion() {
        return slots == null ? null : Refs.retainUnion(slots);
    }

    @Override
    public String toString() {
        return "<ref slots " + size + (slots == null ? ", none held>" : ">");
    }
}
