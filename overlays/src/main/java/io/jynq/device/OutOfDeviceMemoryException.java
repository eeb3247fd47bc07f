package io.jynq.device;

/** No free block of contiguous memory is large enough; the message names the request and the largest free block. */
public class OutOfDeviceMemoryException extends DeviceException {
    private static final long serialVersionUID = 1L;

    public OutOfDeviceMemoryException(String message) {
        super(message);
    }
}
