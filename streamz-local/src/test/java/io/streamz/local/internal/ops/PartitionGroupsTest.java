package io.streamz.local.internal.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionGroupsTest {
    @Test
    void aGroupIsReturnedAndForgottenWhenItFills() {
        PartitionGroups<String> groups = new PartitionGroups<>(2, null);
        assertNull(groups.add("k", "a"));
        assertEquals(1, groups.size("k"));
        assertEquals(List.of("a", "b"), groups.add("k", "b"));
        assertEquals(0, groups.size("k"));
        assertTrue(groups.isEmpty());
    }

    @Test
    void takeEmitsAGroupEarlyAsATimeoutWould() {
        PartitionGroups<String> groups = new PartitionGroups<>(3, null);
        groups.add(null, "a");
        groups.add("other", "b");
        assertEquals(List.of("a"), groups.take(null));
        assertNull(groups.take(null));
        assertEquals(1, groups.size("other"));
    }

    @Test
    void theKeyFunctionNamesTheGroupAndWithoutOneAllShareTheNullGroup() {
        assertEquals(1, new PartitionGroups<Integer>(2, x -> x % 2).keyOf(3));
        assertNull(new PartitionGroups<Integer>(2, null).keyOf(3));
    }
}
