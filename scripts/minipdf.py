"""A PDF file from its objects, for the small hand-made test and fuzz PDFs:
objects numbered from 1 in order (1 the catalog), an xref table and a trailer.
page() builds the usual one-page file: catalog, page tree, an A4 page whose
contents stream is object 4 and whose resources name objects from 5 on."""

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page(content, resources=b"/Font << /F1 5 0 R >>", objects=(HELVETICA,)):
    """One A4 page drawing `content`; `objects` are numbered 5, 6, ... for `resources`."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents 4 0 R >>"
        % resources,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ] + list(objects))


def assemble(objs):
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
