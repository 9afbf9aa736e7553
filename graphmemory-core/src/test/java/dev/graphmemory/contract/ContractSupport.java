package dev.graphmemory.contract;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.neo4j.driver.Driver;

/** Binds a test to a mode and releases what it opened after the test. */
abstract class ContractSupport {
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** OperationTable of a fresh memory in the test's namespace, run through the mode. */
    MemoryOperations operations(Mode mode, Driver driver, TestNamespace namespace) {
        return operations(mode, MemoryFixture.memory(driver, namespace));
    }

    /** OperationTable of this memory, run through the mode. */
    MemoryOperations operations(Mode mode, GraphMemory memory) {
        Mode.Bound bound = mode.bind(memory);
        opened.add(bound);
        opened.add(memory);
        return bound.operations();
    }

    @AfterEach
    void release() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
        opened.clear();
    }
}
