package io.github.m365kit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<List<String>> all(Reader in) throws IOException {
    CsvReader csv = new CsvReader(in);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    while (csv.next(row)) {
      rows.add(List.copyOf(row));
    }
    return rows;
  }

  @Test
  void next_handlesQuotesEmbeddedLineBreaksAndBareCarriageReturns() throws IOException {
    assertThat(all(new StringReader("a,\"b,\"\"c\"\"\nd\",e\r\nf,,\"\"\rlast"))).containsExactly(
        List.of("a", "b,\"c\"\nd", "e"), List.of("f", "", ""), List.of("last"));
  }

  @Test
  void next_skipsALeadingByteOrderMarkAndReportsBlankLinesAsOneEmptyField() throws IOException {
    assertThat(all(new StringReader("\uFEFFUser Principal Name,Storage Used (Byte)\r\n\r\njane@contoso.com,42\r\n"))).containsExactly(
        List.of("User Principal Name", "Storage Used (Byte)"), List.of(""), List.of("jane@contoso.com", "42"));
  }

  @Test
  void next_readsRecordsLongerThanItsBuffer() throws IOException {
    String big = "x".repeat(200_000);
    assertThat(all(new StringReader("\"" + big + "\",b\r\nc,d"))).containsExactly(List.of(big, "b"), List.of("c", "d"));
  }

  @Test
  void next_refusesAFileThatEndsInsideAQuotedField() {
    CsvReader csv = new CsvReader(new StringReader("a,\"never closed\nb"));
    assertThatThrownBy(() -> csv.next(new ArrayList<>())).isInstanceOf(java.io.EOFException.class).hasMessageContaining("inside a quoted field");
  }

  @Test
  void next_treatsNulAsAnOrdinaryCharacter_atTheStartInAFieldAndAfterACarriageReturn() throws IOException {
    assertThat(all(new StringReader("\u0000a,b\u0000\n"))).containsExactly(List.of("\u0000a", "b\u0000"));
    assertThat(all(new StringReader("a\r\u0000b\n"))).containsExactly(List.of("a"), List.of("\u0000b"));
    assertThat(all(new StringReader("a\u0000"))).containsExactly(List.of("a\u0000"));
  }
}
