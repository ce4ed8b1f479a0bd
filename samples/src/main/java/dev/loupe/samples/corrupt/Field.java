package dev.loupe.samples.corrupt;

/**
 * One value of a record (fileformat2 §2.1): where its serial type varint sits and where its body sits, as absolute
 * file offsets. The body may run past the cell's local payload when the record overflows.
 */
public record Field(int serialTypePos, int serialTypeLength, long serialType, int bodyPos, int bodyLength) {

    public boolean isNull() {
        return serialType == 0;
    }

    public boolean isInteger() {
        return serialType >= 1 && serialType <= 6 || serialType == 8 || serialType == 9;
    }

    public boolean isText() {
        return serialType >= 13 && serialType % 2 == 1;
    }

    public boolean isBlob() {
        return serialType >= 12 && serialType % 2 == 0;
    }
}
