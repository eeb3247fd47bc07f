package io.jynq.kernel.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionHistoryTest {
    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);
    private final SessionHistory h = new SessionHistory();

    @BeforeEach
    void cells() {
        h.add(1, "int x = 1;", null);
        h.add(2, "x + 1", "2");
        h.add(4, "ol.ip(\"a?b\")", "DefaultIp");
        h.add(5, "x + 1", "2");
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).collect(Collectors.toList());
    }

    @Test
    void tailIsTheLastCellsOldestFirst() {
        assertEquals(List.of("ol.ip(\"a?b\")", "x + 1"), inputs(h.lookupTail(2, NONE)));
        assertEquals(4, h.lookupTail(100, NONE).size());
        assertEquals(List.of(), h.lookupTail(0, NONE));
    }

    @Test
    void outputsOnlyWhenAsked() {
        assertNull(h.lookupTail(1, NONE).get(0).getOutput());
        assertEquals("2", h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    }

    @Test
    void rangeCountsExecutionNumbersStopExclusive() {
        assertEquals(List.of(2, 4), h.lookupRange(0, 2, 5, NONE).stream().map(HistoryEntry::getCellNumber)
                .collect(Collectors.toList()));
        assertEquals(4, h.lookupRange(SessionHistory.SESSION, 1, 0, NONE).size(), "stop 0: to the end");
        assertEquals(List.of(), h.lookupRange(7, 1, 0, NONE), "no record of other sessions");
    }

    @Test
    void searchIsAWholeInputGlobNewestNUnique() {
        assertEquals(List.of("x + 1", "x + 1"), inputs(h.search("x*", 10, false, NONE)));
        assertEquals(List.of("x + 1"), inputs(h.search("x*", 10, true, NONE)));
        assertEquals(List.of(), inputs(h.search("+ 1", 10, false, NONE)), "a glob matches the whole input");
        assertEquals(List.of("ol.ip(\"a?b\")"), inputs(h.search("*(\"a?b\")", 10, false, NONE)),
                "? is one character; regex characters in the input are literal");
        assertEquals(List.of("ol.ip(\"a?b\")", "x + 1"), inputs(h.search("*", 2, false, NONE)), "newest n");
    }
}
