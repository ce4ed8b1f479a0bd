package dev.loupe.format.record;

/**
 * One column of a record: its serial type in the header and its value in the body. Offsets count from the first
 * byte of the payload; {@link dev.loupe.format.btree.Payload#spans} turns them into page spans.
 *
 * @param index        column position in the record
 * @param serialType   the serial type code
 * @param typeOffset   offset of the serial-type varint
 * @param typeLength   length of that varint
 * @param bodyOffset   offset of the value bytes
 * @param bodyLength   number of value bytes
 * @param value        the decoded value, or null when its bytes could not be read (see the record's problems)
 */
public record Field(int index, long serialType, int typeOffset, int typeLength, long bodyOffset, long bodyLength,
                    Value value) {
}
