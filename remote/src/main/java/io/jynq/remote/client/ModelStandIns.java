package io.jynq.remote.client;

import io.jynq.device.sim.model.IpModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.dynamic.scaffold.subclass.ConstructorStrategy;
import net.bytebuddy.implementation.InvocationHandlerAdapter;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Stand-ins for the models of a remote simulated board: an object of the model's own class (a
 * generated subclass, so that {@code Sim.model("axi_gpio_0", AxiGpioModel.class).setInput(2, 1)}
 * compiles and runs unchanged) whose public methods all forward to the board. Made with Byte
 * Buddy, a subclass per model class, and instantiated without running the model's constructor
 * (which needs the board's context), as mocking libraries do.
 */
final class ModelStandIns {
    /** What a stand-in's public method calls. */
    interface Forward {
        Object call(Method method, Object[] args);
    }

    /** The instance field holding each stand-in's {@link Forward}. */
    private static final String FIELD = "jynq$forward";
    private static final Map<Class<?>, Class<?>> TYPES = new ConcurrentHashMap<>();

    private ModelStandIns() {}

    /**
     * A stand-in of {@code type} whose public methods (but {@link Object}'s) call {@code forward}.
     *
     * @throws IllegalArgumentException if {@code type} is final or an interface: no subclass can stand in
     */
    static <T extends IpModel> T create(Class<T> type, Forward forward) {
        if (Modifier.isFinal(type.getModifiers()) || type.isInterface()) {
            throw new IllegalArgumentException(type.getName() + " is " + (type.isInterface() ? "an interface" : "final")
                    + ": over a remote board Sim.model needs the model's own (non-final) class");
        }
        Class<?> standIn = TYPES.computeIfAbsent(type, ModelStandIns::define);
        try {
            Object o = instantiate(standIn);
            standIn.getField(FIELD).set(o, (InvocationHandler) (proxy, method, args) -> forward.call(method, args == null ? new Object[0] : args));
            return type.cast(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a stand-in for " + type.getName() + ": " + e, e);
        }
    }

    private static Class<?> define(Class<?> type) {
        return new ByteBuddy().subclass(type, ConstructorStrategy.Default.NO_CONSTRUCTORS)
                .defineField(FIELD, InvocationHandler.class, Visibility.PUBLIC)
                .method(ElementMatchers.isPublic().and(ElementMatchers.not(ElementMatchers.isDeclaredBy(Object.class))))
                .intercept(InvocationHandlerAdapter.toField(FIELD))
                .make()
                // a new loader below the model's: notebook classes (JShell's loader) work as well as JYNQ's
                .load(type.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
    }

    /** An instance with no constructor of the model run: the JDK's serialization constructor, as Objenesis uses. */
    private static Object instantiate(Class<?> c) throws ReflectiveOperationException {
        Constructor<?> ctor = sun.reflect.ReflectionFactory.getReflectionFactory()
                .newConstructorForSerialization(c, Object.class.getDeclaredConstructor());
        return ctor.newInstance();
    }
}
