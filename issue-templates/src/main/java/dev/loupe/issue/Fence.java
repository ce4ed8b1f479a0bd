package dev.loupe.issue;

/**
 * Markdown code that its text cannot break out of: a fenced code block whose fence is longer than any run of backticks in its text (CommonMark 4.5), so
 * that engine output or SQL containing ``` cannot end the block early.
 */
public final class Fence {

    private Fence() {
    }

    public static String block(String info, String text) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
        String body = text.endsWith("\n") ? text : text + "\n";
        return fence + info + "\n" + body + fence;
    }

    /**
     * An inline code span (CommonMark 6.1): delimited by more backticks than any run inside, padded with a space
     * when the text starts or ends with a backtick. Line breaks become spaces, as a span renders them anyway.
     */
    public static String inline(String text) {
        String t = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        String ticks = "`".repeat(longestBacktickRun(t) + 1);
        String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
        return ticks + pad + t + pad + ticks;
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
