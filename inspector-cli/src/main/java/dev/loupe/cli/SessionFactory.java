package dev.loupe.cli;

import picocli.CommandLine;

/**
 * The picocli factory of a shell: creates commands and mixins as picocli's default factory does, and hands every
 * {@link WalOption} mixin the shell's {@link Session}, so the commands borrow its open database and page map.
 */
final class SessionFactory implements CommandLine.IFactory {

    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();
    private final Session session;

    SessionFactory(Session session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        K made = defaults.create(cls);
        if (made instanceof WalOption w) {
            w.session = session;
        }
        if (made instanceof ShellCommand s) {
            s.nested = true;
        }
        return made;
    }
}
