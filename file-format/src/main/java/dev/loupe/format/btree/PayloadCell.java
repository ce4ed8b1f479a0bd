package dev.loupe.format.btree;

/** The cells that carry a payload: all but table-interior cells. */
public sealed interface PayloadCell extends Cell permits TableLeafCell, IndexLeafCell, IndexInteriorCell {

    LocalPayload payload();
}
