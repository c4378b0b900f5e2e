package dev.tasktalk.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

  @Test
  void givenACommitTheTransactionManagerCouldNotComplete_isOutage_saysYes() {
    var commit =
        new TransactionalException("encountered exception during commit", new SystemException());

    assertThat(SqlErrors.isOutage(commit)).isTrue();
  }

  @Test
  void givenConnectionFailures_isOutage_saysYes_andForAWrongStatement_no() {
    assertThat(SqlErrors.isOutage(new RuntimeException(new ConnectException("refused")))).isTrue();
    assertThat(SqlErrors.isOutage(new RuntimeException(new SQLException("terminating", "57P01"))))
        .isTrue();
    assertThat(SqlErrors.isOutage(new RuntimeException(new SQLException("syntax error", "42601"))))
        .isFalse();
    assertThat(SqlErrors.isOutage(new IllegalStateException("no cause"))).isFalse();
  }
}
