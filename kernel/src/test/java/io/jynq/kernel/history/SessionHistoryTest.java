package io.jynq.kernel.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionHistoryTest {
    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    @TempDir
    Path tmp;

    private static SessionHistory cells(SessionHistory h) {
        h.add(1, "int x = 1;", null);
        h.add(2, "x + 1", "2");
        h.add(4, "ol.ip(\"a?b\")", "DefaultIp");
        h.add(5, "x + 1", "2");
        return h;
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).collect(Collectors.toList());
    }

    @Test
    void tailIsTheLastCellsOldestFirst() {
        SessionHistory h = cells(SessionHistory.inMemory());
        assertEquals(List.of("ol.ip(\"a?b\")", "x + 1"), inputs(h.lookupTail(2, NONE)));
        assertEquals(4, h.lookupTail(100, NONE).size());
        assertEquals(List.of(), h.lookupTail(0, NONE));
    }

    @Test
    void outputsOnlyWhenAsked() {
        SessionHistory h = cells(SessionHistory.inMemory());
        assertNull(h.lookupTail(1, NONE).get(0).getOutput());
        assertEquals("2", h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput());
    }

    @Test
    void rangeCountsExecutionNumbersStopExclusive() {
        SessionHistory h = cells(SessionHistory.inMemory());
        assertEquals(List.of(2, 4), h.lookupRange(0, 2, 5, NONE).stream().map(HistoryEntry::getCellNumber)
                .collect(Collectors.toList()));
        assertEquals(4, h.lookupRange(h.session(), 1, 0, NONE).size(), "stop 0: to the end");
        assertEquals(List.of(), h.lookupRange(7, 1, 0, NONE), "no record of that session");
    }

    @Test
    void searchIsAWholeInputGlobNewestNUnique() {
        SessionHistory h = cells(SessionHistory.inMemory());
        assertEquals(List.of("x + 1", "x + 1"), inputs(h.search("x*", 10, false, NONE)));
        assertEquals(List.of("x + 1"), inputs(h.search("x*", 10, true, NONE)));
        assertEquals(List.of(), inputs(h.search("+ 1", 10, false, NONE)), "a glob matches the whole input");
        assertEquals(List.of("ol.ip(\"a?b\")"), inputs(h.search("*(\"a?b\")", 10, false, NONE)),
                "? is one character; regex characters in the input are literal");
        assertEquals(List.of("ol.ip(\"a?b\")", "x + 1"), inputs(h.search("*", 2, false, NONE)), "newest n");
    }

    @Test
    void inputsOutliveTheKernelAndEachKernelIsANewSession() {
        Path file = tmp.resolve("sub/history.jsonl");
        SessionHistory first = SessionHistory.open(file);
        assertEquals(1, first.session());
        first.add(1, "int a = 1;\nint b = 2;", "ignored on disk");
        first.add(2, "a + b", "3");

        SessionHistory second = SessionHistory.open(file);
        assertEquals(2, second.session());
        second.add(1, "a * 10", null);
        assertEquals(List.of("int a = 1;\nint b = 2;", "a + b", "a * 10"), inputs(second.lookupTail(10, NONE)),
                "tail spans sessions; a multi-line cell comes back whole");
        assertEquals(List.of("int a = 1;\nint b = 2;", "a + b"), inputs(second.lookupRange(-1, 1, 0, NONE)),
                "-1 is the session before this one");
        assertEquals(List.of("a * 10"), inputs(second.lookupRange(0, 1, 0, NONE)));
        assertNull(second.lookupRange(1, 2, 3, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput(),
                "outputs are not written to disk");
        assertEquals(3, SessionHistory.open(file).session());
    }

    @Test
    void aDamagedLineIsSkippedAndTheNextCellStartsOnAFreshLine() throws IOException {
        Path file = tmp.resolve("history.jsonl");
        Files.writeString(file, "{\"session\":4,\"line\":1,\"input\":\"ok\"}\n{\"session\":4,\"line\":2,\"inp",
                StandardCharsets.UTF_8);
        SessionHistory h = SessionHistory.open(file);
        assertEquals(5, h.session());
        assertEquals(List.of("ok"), inputs(h.lookupTail(10, NONE)));
        h.add(1, "next", null);
        assertEquals(List.of("ok", "next"), inputs(SessionHistory.open(file).lookupTail(10, NONE)));
    }

    @Test
    void anUnusableFileLeavesTheHistoryInMemory() throws IOException {
        Path dir = tmp.resolve("a-directory");
        Files.createDirectories(dir);
        SessionHistory h = SessionHistory.open(dir);
        h.add(1, "still served", null);
        assertEquals(List.of("still served"), inputs(h.lookupTail(5, NONE)));
        assertTrue(Files.isDirectory(dir));
    }
}
