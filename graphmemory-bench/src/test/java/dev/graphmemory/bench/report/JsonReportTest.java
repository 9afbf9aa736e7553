package dev.graphmemory.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonReportTest {

    @Test
    void shouldWriteMachineAndScenariosWithNumericRatios() {
        String json = JsonReport.write(Reports.sample());

        assertThat(json)
                .startsWith("{\n")
                .contains("\"machine\": {\"cpu\": \"Test CPU \\\"X\\\"\", \"cores\": 2")
                .contains("\"id\": \"S1\"")
                .contains("\"ratio\": 0.95,")
                .contains("\"target\": 0.9,")
                .contains("\"targetIs\": \"at least\"")
                .contains("\"met\": true")
                .contains("{\"name\": \"graphmemory\", \"ours\": true, \"throughput\": 190, "
                        + "\"throughputUnit\": \"entities/s\", \"latencyP50Ms\": 5.1, \"latencyP99Ms\": 9.25")
                .contains("\"id\": \"S6b\"")
                .contains("\"targetIs\": \"at most\"")
                .contains("\"met\": false")
                .contains("\"notes\": [\"p99 ratio 1.75.\"]")
                .endsWith("}\n");
    }

    @Test
    void shouldBalanceBracesAndQuotes() {
        String json = JsonReport.write(Reports.sample());
        String withoutStrings = json.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");

        assertThat(count(withoutStrings, '{')).isEqualTo(count(withoutStrings, '}'));
        assertThat(count(withoutStrings, '[')).isEqualTo(count(withoutStrings, ']'));
    }

    @Test
    void shouldEscapeControlCharacters() {
        assertThat(JsonReport.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void shouldWriteNumbersPlainly() {
        assertThat(Numbers.json(12.0)).isEqualTo("12");
        assertThat(Numbers.json(0.123456789012)).isEqualTo("0.123456789");
        assertThat(Numbers.json(Double.NaN)).isEqualTo("null");
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
