package dev.loupe.gui;

import dev.loupe.format.OpenOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuiArgsTest {

    @Test
    void fileViewAndSnapshot() {
        GuiArgs a = GuiArgs.parse("x.db", "--view", "tree:books", "--snapshot=out.png");
        assertThat(a).isEqualTo(new GuiArgs(Path.of("x.db"), "tree:books", Path.of("out.png"), "auto", false));
        assertThat(GuiArgs.parse()).isEqualTo(new GuiArgs(null, null, null, "auto", false));
        assertThat(GuiArgs.parse("--view=page:3", "y.db").view()).isEqualTo("page:3");
        assertThat(GuiArgs.parse("y.db", "--timing").timing()).isTrue();
    }

    @Test
    void walChoice() {
        assertThat(GuiArgs.parse("x.db").openOptions()).isEqualTo(OpenOptions.defaults());
        assertThat(GuiArgs.parse("x.db", "--wal", "ignore").openOptions()).isEqualTo(OpenOptions.ignoreWal());
        GuiArgs other = GuiArgs.parse("x.db", "--wal=/tmp/elsewhere.wal");
        assertThat(other.openOptions()).isEqualTo(OpenOptions.withWal(Path.of("/tmp/elsewhere.wal")));
        assertThat(other.walPath()).isEqualTo(Path.of("/tmp/elsewhere.wal"));
        assertThat(GuiArgs.parse("x.db", "--wal", "auto").walPath()).isNull();
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> GuiArgs.parse("--view", "page:0")).hasMessageContaining("page:N");
        assertThatThrownBy(() -> GuiArgs.parse("--view", "tables")).hasMessageContaining("tree:NAME");
        assertThatThrownBy(() -> GuiArgs.parse("--snapshot", "o.png")).hasMessageContaining("needs a FILE");
        assertThatThrownBy(() -> GuiArgs.parse("--wal", "x.wal")).hasMessageContaining("needs a FILE");
        assertThatThrownBy(() -> GuiArgs.parse("a.db", "b.db")).hasMessageContaining("one file");
        assertThatThrownBy(() -> GuiArgs.parse("--zoom")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> GuiArgs.parse("a.db", "--view")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> GuiArgs.parse("a.db", "--wal=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> GuiArgs.parse("a.db", "--timing=1")).hasMessageContaining("no value");
    }
}
