package dev.azid.test.arch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the classes a class file refers to from its constant pool (class entries and the type
 * descriptors of fields, methods and signatures), enough to draw the package dependency graph
 * without a bytecode library.
 */
public final class ClassFileReferences {

    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassFileReferences() {
    }

    /**
     * The binary names (with dots) of the classes referred to.
     *
     * @param classFile the class file's bytes
     * @return the referred classes
     * @throws IOException if the file is not a class file
     */
    public static Set<String> of(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> out = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classIndex[i] != 0) {
                String name = utf8[classIndex[i]];
                String type = name.startsWith("[") ? elementType(name) : name.replace('/', '.');
                if (type != null) {
                    out.add(type);
                }
            }
            if (utf8[i] != null) {
                Matcher m = DESCRIPTOR_TYPE.matcher(utf8[i]);
                while (m.find()) {
                    out.add(m.group(1).replace('/', '.'));
                }
            }
        }
        return out;
    }

    private static String elementType(String arrayDescriptor) {
        Matcher m = DESCRIPTOR_TYPE.matcher(arrayDescriptor);
        return m.find() ? m.group(1).replace('/', '.') : null;
    }
}
