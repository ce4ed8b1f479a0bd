package dev.loupe.gui;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuiArgsTest {

    @Test
    void fileViewAndSnapshot() {
        GuiArgs a = GuiArgs.parse("x.db", "--view", "tree:books", "--snapshot=out.png");
        assertThat(a).isEqualTo(new GuiArgs(Path.of("x.db"), "tree:books", Path.of("out.png")));
        assertThat(GuiArgs.parse()).isEqualTo(new GuiArgs(null, null, null));
        assertThat(GuiArgs.parse("--view=page:3", "y.db").view()).isEqualTo("page:3");
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> GuiArgs.parse("--view", "page:0")).hasMessageContaining("page:N");
        assertThatThrownBy(() -> GuiArgs.parse("--view", "tables")).hasMessageContaining("tree:NAME");
        assertThatThrownBy(() -> GuiArgs.parse("--snapshot", "o.png")).hasMessageContaining("needs a FILE");
        assertThatThrownBy(() -> GuiArgs.parse("a.db", "b.db")).hasMessageContaining("one file");
        assertThatThrownBy(() -> GuiArgs.parse("--zoom")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> GuiArgs.parse("a.db", "--view")).hasMessageContaining("needs a value");
    }
}
