package io.jynq.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites a snippet class so that its calls to {@code System.exit(int)},
 * {@code Runtime.exit(int)} and {@code Runtime.halt(int)} (direct calls and method references)
 * go to {@link ExitGuard}. Each replacement has the same stack effect as the call it replaces
 * ({@code invokevirtual Runtime.halt(I)V} becomes {@code invokestatic
 * ExitGuard.runtimeHalt(Runtime, int)}), so no stack map frame changes. ASM does the class-file
 * work; the class is returned unchanged when it has no such call.
 */
final class ExitRewriter {
    private static final String GUARD = ExitGuard.class.getName().replace('.', '/');
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String INT_VOID = "(I)V";
    private static final String RUNTIME_INT_VOID = "(L" + RUNTIME + ";I)V";

    private ExitRewriter() {
    }

    /** The class with exits guarded, or {@code bytes} itself if it has none. */
    static byte[] rewrite(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, sig, exceptions)) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String method, String d, boolean itf) {
                        String guard = guardFor(owner, method, d);
                        if (guard == null) {
                            super.visitMethodInsn(op, owner, method, d, itf);
                        } else {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard,
                                    owner.equals(SYSTEM) ? INT_VOID : RUNTIME_INT_VOID, false);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String d, Handle bsm, Object... args) {
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] instanceof Handle) {
                                Handle h = (Handle) args[i];
                                String guard = guardFor(h.getOwner(), h.getName(), h.getDesc());
                                if (guard != null) {
                                    changed[0] = true;
                                    args[i] = new Handle(Opcodes.H_INVOKESTATIC, GUARD, guard,
                                            h.getOwner().equals(SYSTEM) ? INT_VOID : RUNTIME_INT_VOID, false);
                                }
                            }
                        }
                        super.visitInvokeDynamicInsn(name, d, bsm, args);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : bytes;
    }

    /** The {@link ExitGuard} method replacing {@code owner.name desc}, or null to keep the call. */
    private static String guardFor(String owner, String name, String desc) {
        if (!INT_VOID.equals(desc)) {
            return null;
        }
        if (owner.equals(SYSTEM) && name.equals("exit")) {
            return "exit";
        }
        if (owner.equals(RUNTIME) && name.equals("exit")) {
            return "runtimeExit";
        }
        if (owner.equals(RUNTIME) && name.equals("halt")) {
            return "runtimeHalt";
        }
        return null;
    }
}
