package dev.loupe.format.page;

/** Pages of an in-memory database image (a hexdb text, a reducer's candidate, a test's mutation). */
public final class MemoryPageSource implements PageSource {

    private final byte[] image;
    private final int pageSize;
    private final String name;

    public MemoryPageSource(byte[] image, int pageSize, String name) {
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("page size " + pageSize);
        }
        this.image = image;
        this.pageSize = pageSize;
        this.name = name;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public long pageCount() {
        return image.length / pageSize;
    }

    @Override
    public byte[] read(long pgno) {
        if (pgno < 1 || pgno > pageCount()) {
            return null;
        }
        byte[] b = new byte[pageSize];
        System.arraycopy(image, (int) ((pgno - 1) * pageSize), b, 0, pageSize);
        return b;
    }

    @Override
    public String describe() {
        return name;
    }
}
