package dev.loupe.format.treeview;

import dev.loupe.format.Problem;
import dev.loupe.format.ProblemKind;
import dev.loupe.format.Span;
import dev.loupe.format.btree.BTreePage;
import dev.loupe.format.btree.BTreeWalker;
import dev.loupe.format.btree.Cell;
import dev.loupe.format.btree.Freeblock;
import dev.loupe.format.btree.InteriorCell;
import dev.loupe.format.btree.PathStep;
import dev.loupe.format.btree.PayloadCell;
import dev.loupe.format.btree.PayloadReader;
import dev.loupe.format.btree.TableInteriorCell;
import dev.loupe.format.btree.TableLeafCell;
import dev.loupe.format.btree.TreeVisitor;
import dev.loupe.format.header.TextEncoding;
import dev.loupe.format.page.PageSource;
import dev.loupe.format.record.RecordDecoder;
import dev.loupe.format.record.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link TreeView} of one b-tree with {@link BTreeWalker} (so the walk is cycle-safe and depth-bounded):
 * every page reached becomes a node attached to the parent pointer it was reached by; a pointer that leads nowhere
 * (out of range, a second reference, an unreadable or non-b-tree page) stays on its parent as a broken link with the
 * walker's problem. Below the depth limit pages are still walked, and counted on their last shown ancestor.
 */
public final class TreeViewBuilder {

    private final PageSource pages;
    private final int usableSize;
    private final PayloadReader payloads;
    private final RecordDecoder records;
    private int keyColumns;

    public TreeViewBuilder(PageSource pages, int usableSize, TextEncoding encoding) {
        this.pages = pages;
        this.usableSize = usableSize;
        this.payloads = new PayloadReader(pages, usableSize);
        this.records = new RecordDecoder(encoding, false);
    }

    /**
     * @param maxDepth levels to show (1 = the root alone); 0 or less for all
     */
    public TreeView build(long root, int maxDepth) throws IOException {
        return build(root, maxDepth, 0);
    }

    /**
     * @param maxDepth   levels to show (1 = the root alone); 0 or less for all
     * @param keyColumns leading record columns kept in index nodes' first and last keys (a WITHOUT ROWID table's
     *                   PRIMARY KEY columns); 0 or less for all
     */
    public TreeView build(long root, int maxDepth, int keyColumns) throws IOException {
        this.keyColumns = keyColumns;
        Map<Long, Draft> drafts = new HashMap<>();
        Map<Long, List<Problem>> problemsByPage = new HashMap<>();
        List<Problem> all = new ArrayList<>();
        long[] walked = {0};
        try {
            new BTreeWalker(pages, usableSize).walk(root, new TreeVisitor() {
                @Override
                public boolean page(BTreePage page, List<PathStep> path, int depth) {
                    walked[0]++;
                    if (depth > 0) {
                        PathStep via = path.get(depth - 1);
                        Draft parent = drafts.get(via.page());
                        if (parent != null) {
                            parent.reached.put(via.cellIndex(), page.number());
                        }
                    }
                    if (maxDepth > 0 && depth >= maxDepth) {
                        Draft shown = drafts.get(path.get(maxDepth - 1).page());
                        if (shown != null) {
                            shown.hidden++;
                        }
                        return true;
                    }
                    drafts.put(page.number(), draft(page, depth));
                    return true;
                }

                @Override
                public void problem(Problem p) {
                    all.add(p);
                    problemsByPage.computeIfAbsent(p.span().page(), k -> new ArrayList<>()).add(p);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Draft rootDraft = drafts.get(root);
        TreeNode node = rootDraft == null ? null : freeze(rootDraft, drafts, problemsByPage);
        return new TreeView(root, node, drafts.size(), walked[0], all);
    }

    /** What is known of a page while the walk goes on. */
    private static final class Draft {
        final BTreePage page;
        final int depth;
        final int unused;
        final Long firstRowid;
        final Long lastRowid;
        final List<Value> firstKey;
        final List<Value> lastKey;
        final Map<Integer, Long> reached = new HashMap<>();
        long hidden;

        Draft(BTreePage page, int depth, int unused, Long firstRowid, Long lastRowid, List<Value> firstKey,
              List<Value> lastKey) {
            this.page = page;
            this.depth = depth;
            this.unused = unused;
            this.firstRowid = firstRowid;
            this.lastRowid = lastRowid;
            this.firstKey = firstKey;
            this.lastKey = lastKey;
        }
    }

    private Draft draft(BTreePage page, int depth) {
        Cell first = firstCell(page, 0, 1);
        Cell last = firstCell(page, page.cellCount() - 1, -1);
        boolean table = page.type().isTable();
        return new Draft(page, depth, unused(page),
                table ? rowid(first) : null, table ? rowid(last) : null,
                table ? null : key(page, first), table ? null : key(page, last));
    }

    /** dbstat's unused: the gap between the pointer array and the content area, freeblocks, fragmented bytes. */
    static int unused(BTreePage page) {
        int free = page.unallocatedBytes() + page.header().fragmentedFreeBytes();
        for (Freeblock f : page.freeblocks()) {
            free += f.size();
        }
        return free;
    }

    private static Cell firstCell(BTreePage page, int from, int step) {
        for (int i = from; i >= 0 && i < page.cellCount(); i += step) {
            Cell c = page.cell(i);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Long rowid(Cell c) {
        if (c instanceof TableLeafCell l) {
            return l.rowid();
        }
        return c instanceof TableInteriorCell t ? t.rowid() : null;
    }

    private List<Value> key(BTreePage page, Cell c) {
        if (!(c instanceof PayloadCell pc)) {
            return null;
        }
        try {
            List<Value> values = records.decode(payloads.read(page.data(), pc.payload())).values();
            return keyColumns > 0 && values.size() > keyColumns ? values.subList(0, keyColumns) : values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TreeNode freeze(Draft d, Map<Long, Draft> drafts, Map<Long, List<Problem>> problemsByPage) {
        BTreePage page = d.page;
        List<TreeLink> links = new ArrayList<>();
        if (!page.type().isLeaf()) {
            int n = page.cellCount();
            for (int i = 0; i <= n; i++) {
                Span pointer;
                long target;
                if (i < n) {
                    Cell c = page.cell(i);
                    if (!(c instanceof InteriorCell ic)) {
                        continue; // an unreadable cell: its problem is on this page
                    }
                    pointer = ic.leftChildSpan();
                    target = ic.leftChild();
                } else {
                    pointer = page.rightChildSpan();
                    target = page.header().rightChild();
                }
                links.add(link(i, target, pointer, d, drafts, problemsByPage));
            }
            links.removeIf(l -> l == null);
        }
        List<Problem> own = problemsByPage.getOrDefault(page.number(), List.of());
        return new TreeNode(page.number(), page.type(), d.depth, page.cellCount(), page.usableSize(), d.unused,
                d.firstRowid, d.lastRowid, d.firstKey, d.lastKey, links, d.hidden, own);
    }

    private TreeLink link(int index, long target, Span pointer, Draft parent, Map<Long, Draft> drafts,
                          Map<Long, List<Problem>> problemsByPage) {
        Long reached = parent.reached.get(index);
        if (reached != null && reached == target) {
            Draft child = drafts.get(target);
            if (child == null) {
                return null; // below the depth limit: counted in hiddenPages
            }
            TreeNode node = freeze(child, drafts, problemsByPage);
            Problem kind = find(problemsByPage.get(target), ProblemKind.TREE_PAGE_KIND, null);
            return kind == null ? new TreeLink(index, target, pointer, LinkState.OK, null, node)
                    : new TreeLink(index, target, pointer, LinkState.WRONG_KIND, kind.message(), node);
        }
        List<Problem> here = problemsByPage.get(parent.page.number());
        for (ProblemKind k : List.of(ProblemKind.CHILD_POINTER, ProblemKind.TREE_LOOP, ProblemKind.TREE_DEPTH,
                ProblemKind.PAGE_UNREADABLE)) {
            Problem p = find(here, k, pointer);
            if (p != null) {
                LinkState s = switch (k) {
                    case CHILD_POINTER -> LinkState.OUT_OF_RANGE;
                    case TREE_LOOP -> LinkState.SECOND_REFERENCE;
                    case TREE_DEPTH -> LinkState.TOO_DEEP;
                    default -> LinkState.UNREADABLE;
                };
                return new TreeLink(index, target, pointer, s, p.message(), null);
            }
        }
        Problem bad = find(problemsByPage.get(target), ProblemKind.PAGE_TYPE, null);
        if (bad != null) {
            return new TreeLink(index, target, pointer, LinkState.NOT_A_BTREE_PAGE, bad.message(), null);
        }
        // The walker did not reach it and said nothing at this pointer: it was stopped before (cannot happen with
        // a walker that is never stopped, but a link must not vanish silently).
        return new TreeLink(index, target, pointer, LinkState.UNREADABLE, "child page " + target
                + " was not reached", null);
    }

    private static Problem find(List<Problem> problems, ProblemKind kind, Span span) {
        if (problems == null) {
            return null;
        }
        for (Problem p : problems) {
            if (p.kind() == kind && (span == null || p.span().equals(span))) {
                return p;
            }
        }
        return null;
    }
}
