package dev.loupe.samples.corrupt;

import dev.loupe.samples.Sample;

import java.util.List;

import static dev.loupe.samples.corrupt.Corruption.of;

/** Damage to the 100-byte database header (fileformat2 §1.3). */
final class HeaderCases {
    private HeaderCases() {
    }

    static List<Corruption> cases() {
        return List.of(
                of("header-bad-magic", Sample.PAGE_1024, "First byte of the magic string changed ('S' -> 'X')",
                        img -> img.put8(0, 'X'), "not-a-database"),
                of("header-page-size-not-power-of-two", Sample.PAGE_1024, "Page size @16 set to 1000",
                        img -> img.put16(16, 1000), "header-field-invalid"),
                of("header-max-payload-fraction", Sample.PAGE_1024, "Maximum embedded payload fraction @21 set to 65",
                        img -> img.put8(21, 65), "header-field-invalid"),
                of("header-min-payload-fraction", Sample.PAGE_1024, "Minimum embedded payload fraction @22 set to 31",
                        img -> img.put8(22, 31), "header-field-invalid"),
                of("header-leaf-payload-fraction", Sample.PAGE_1024, "Leaf payload fraction @23 set to 33",
                        img -> img.put8(23, 33), "header-field-invalid"),
                of("header-read-version-too-high", Sample.PAGE_1024, "File format read version @19 set to 3",
                        img -> img.put8(19, 3), "header-field-invalid"),
                of("header-write-version-too-high", Sample.PAGE_1024,
                        "File format write version @18 set to 3 (SQLite opens such files read-only)",
                        img -> img.put8(18, 3), "header-field-invalid"),
                of("header-text-encoding-invalid", Sample.PAGE_1024, "Text encoding @56 set to 4 (SQLite uses the"
                                + " low two bits: 0, read as UTF-8)",
                        img -> img.put32(56, 4), "header-field-suspicious"),
                of("header-text-encoding-reads-as-utf16", Sample.PAGE_1024, "Text encoding @56 set to 6: SQLite"
                                + " reads the UTF-8 file as UTF-16le and cannot parse its schema",
                        img -> img.put32(56, 6), "header-field-suspicious", "schema-unreadable"),
                of("header-schema-format-high-bytes", Sample.PAGE_1024, "Schema format @44 set to 0x00100004:"
                                + " SQLite reads only the low byte (4)",
                        img -> img.put32(44, 0x00100004), "header-field-suspicious"),
                of("header-schema-format-unsupported", Sample.PAGE_1024, "Schema format number @44 set to 5",
                        img -> img.put32(44, 5), "header-field-invalid"),
                of("header-usable-size-too-small", Sample.PAGE_512,
                        "Reserved bytes @20 set to 40 on 512-byte pages: usable size 472 < 480",
                        img -> img.put8(20, 40), "header-field-invalid"),
                of("header-reserved-bytes-not-zero", Sample.PAGE_1024,
                        "Byte 80 of the reserved-for-expansion area 72..91 set to 1",
                        img -> img.put8(80, 1), "header-reserved-not-zero"),
                of("header-pages-beyond-count", Sample.PAGE_1024,
                        "Two zero pages appended while the header's page count stays valid",
                        img -> img.append(new byte[2 * img.pageSize()]), "pages-beyond-header-count"),
                of("schema-page-type-invalid", Sample.PAGE_1024,
                        "Page 1's b-tree type byte (@100) set to 7: the schema tree cannot be read",
                        img -> img.put8(100, 7), "schema-unreadable"),
                of("schema-rootpage-beyond-file", Sample.PAGE_1024,
                        "sqlite_schema row of index mixed_i_t: root page 3 changed to 127 (the file has 63 pages)",
                        img -> {
                            Cell c = img.schemaCell("mixed_i_t");
                            Field root = c.fields().get(3);
                            img.put8(root.bodyPos() + root.bodyLength() - 1, 127);
                        }, "page-number-invalid"),
                of("check-constraint-failed", Sample.TYPES,
                        "Schema SQL of table affinity: 'input TEXT NOT NULL' becomes 'input TEXT CHECK(0)'",
                        img -> img.replaceInCell(img.schemaCell("affinity"), "input TEXT NOT NULL",
                                "input TEXT CHECK(0)"), "check-constraint-failed"),
                of("schema-expression-syntax", Sample.TYPES,
                        "Schema SQL of table generated: the generated column's (a || '/' || b) becomes"
                                + " (a || '/' |5 b), which SQLite's parser rejects, so it refuses the schema",
                        img -> img.replaceInCell(img.schemaCell("generated"), "(a || '/' || b)", "(a || '/' |5 b)"),
                        "schema-row-invalid", "schema-unreadable"));
    }
}
