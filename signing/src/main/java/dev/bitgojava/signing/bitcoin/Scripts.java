package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.bitcoin.internal.ByteWriter;

/** Small script utilities the signature hashes need. */
final class Scripts {

    static final int OP_PUSHDATA1 = 0x4c;
    static final int OP_PUSHDATA2 = 0x4d;
    static final int OP_PUSHDATA4 = 0x4e;
    static final int OP_CODESEPARATOR = 0xab;

    private Scripts() {
    }

    /**
     * The script with every OP_CODESEPARATOR opcode removed (push data is never touched). A truncated push at
     * the end is kept as it is, as Bitcoin Core does.
     */
    static byte[] withoutCodeSeparators(byte[] script) {
        ByteWriter out = null;
        int copiedUpTo = 0;
        int pc = 0;
        while (pc < script.length) {
            int opcode = script[pc] & 0xff;
            int next = pc + 1;
            long push = -1;
            if (opcode < OP_PUSHDATA1) {
                push = opcode;
            } else if (opcode == OP_PUSHDATA1) {
                if (next + 1 > script.length) {
                    break;
                }
                push = script[next] & 0xff;
                next += 1;
            } else if (opcode == OP_PUSHDATA2) {
                if (next + 2 > script.length) {
                    break;
                }
                push = (script[next] & 0xff) | (script[next + 1] & 0xff) << 8;
                next += 2;
            } else if (opcode == OP_PUSHDATA4) {
                if (next + 4 > script.length) {
                    break;
                }
                push = ((script[next] & 0xffL) | (script[next + 1] & 0xffL) << 8 | (script[next + 2] & 0xffL) << 16
                        | (script[next + 3] & 0xffL) << 24);
                next += 4;
            }
            if (push > 0) {
                if (push > script.length - next) {
                    break;
                }
                next += (int) push;
            }
            if (opcode == OP_CODESEPARATOR) {
                if (out == null) {
                    out = new ByteWriter(script.length);
                }
                out.write(script, copiedUpTo, pc - copiedUpTo);
                copiedUpTo = next;
            }
            pc = next;
        }
        if (out == null) {
            return script;
        }
        out.write(script, copiedUpTo, script.length - copiedUpTo);
        return out.toByteArray();
    }
}
