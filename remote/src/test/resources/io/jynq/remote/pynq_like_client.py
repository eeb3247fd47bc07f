"""A PYNQ.remote client written from PYNQ's pynq/pl_server/remote_device.py behaviour, on stubs
generated from JYNQ's own .proto files: what PYNQ's RemoteDevice does to a board, step by step.

usage: pynq_like_client.py GENERATED_DIR PORT FIRMWARE.bin
Prints one 'ok ...' line per step; exits non-zero with the reason on the first failure.
"""
import sys

sys.path.insert(0, sys.argv[1])
import grpc  # noqa: E402
import buffer_pb2, buffer_pb2_grpc, mmio_pb2, mmio_pb2_grpc  # noqa: E402
import remote_device_pb2, remote_device_pb2_grpc  # noqa: E402

port = int(sys.argv[2])
firmware = open(sys.argv[3], "rb").read()
name = "dsp_loopback.bin"
CHUNK = 2 * 1024 * 1024  # PYNQ's client writes files and buffers in 2 MiB chunks


def check(cond, what):
    if not cond:
        print("FAILED: " + what)
        sys.exit(1)
    print("ok " + what)


channel = grpc.insecure_channel("127.0.0.1:%d" % port)
grpc.channel_ready_future(channel).result(timeout=20)
dev = remote_device_pb2_grpc.RemoteDeviceStub(channel)
mmio = mmio_pb2_grpc.MmioStub(channel)
buf = buffer_pb2_grpc.RemoteBufferStub(channel)


def read_file(path):
    return b"".join(r.data for r in dev.readfile(remote_device_pb2.ReadFileRequest(file_path=path)))


def write_file(path, content):
    reqs = [remote_device_pb2.WriteFileRequest(file_path=path, data=content[i:i + CHUNK])
            for i in range(0, len(content), CHUNK)]
    return dev.writefile(iter(reqs))


# RemoteDevice.__init__: get_arch and get_board_name
check(dev.existsfile(remote_device_pb2.ExistsFileRequest(file_path="/proc/version")).exists, "/proc/version exists")
version = read_file("/proc/version").decode()
check("armv7l" in version and "aarch64" not in version, "/proc/version tells armv7l: " + version.strip())
board = read_file("/proc/device-tree/chosen/pynq_board").decode().strip("\x00")
check(board == "Pynq-Z2", "board name " + board)

# Clocks before a download: PYNQ's ps.py reads the SLCR through MMIO
slcr = mmio.get_mmio(mmio_pb2.GetMmioRequest(base_addr=0xF8000000, length=0x200))
check(not slcr.msg, "SLCR window opened")
io_pll = mmio.read(mmio_pb2.ReadRequest(mmio_id=slcr.mmio_id, offset=0x108, length=4, word_order="little")).data
fdiv = (io_pll >> 12) & 0x7F
ctrl = mmio.read(mmio_pb2.ReadRequest(mmio_id=slcr.mmio_id, offset=0x170, length=4, word_order="little")).data
div0, div1 = (ctrl >> 8) & 0x3F, (ctrl >> 20) & 0x3F
check(div0 > 0 and div1 > 0, "fclk0 = %.3f MHz from IO PLL %d MHz / %d / %d" % (50.0 * fdiv / div0 / div1, 50 * fdiv, div0, div1))

# RemoteDevice.download: attributes, the .bin to /lib/firmware, then the FPGA Manager files
r = dev.set_bitstream_attrs(remote_device_pb2.SetBitstreamAttrsRequest(binfile_name=name, partial=False))
check(r is not None, "set_bitstream_attrs")
if not dev.existsfile(remote_device_pb2.ExistsFileRequest(file_path="/lib/firmware/" + name)).exists:
    write_file("/lib/firmware/" + name, firmware)
check(dev.existsfile(remote_device_pb2.ExistsFileRequest(file_path="/lib/firmware/" + name)).exists, "firmware stored")
write_file("/sys/class/fpga_manager/fpga0/flags", b"0")
write_file("/sys/class/fpga_manager/fpga0/firmware", name.encode())
check(read_file("/sys/class/fpga_manager/fpga0/state").decode().strip() == "operating", "FPGA Manager operating")

# RemoteMMIO on the design's AXI GPIO and BRAM
gpio = mmio.get_mmio(mmio_pb2.GetMmioRequest(base_addr=0x41200000, length=0x10000))
check(not gpio.msg, "GPIO window opened")
w = mmio.write(mmio_pb2.WriteRequest(mmio_id=gpio.mmio_id, offset=0, data=(0b1010).to_bytes(4, "little")))
check(not w.msg, "GPIO_DATA written")
v = mmio.read(mmio_pb2.ReadRequest(mmio_id=gpio.mmio_id, offset=0, length=4, word_order="little"))
check(not v.msg and v.data == 0b1010, "GPIO_DATA reads back %d" % v.data)
bram = mmio.get_mmio(mmio_pb2.GetMmioRequest(base_addr=0x40000000, length=0x2000))
mmio.write(mmio_pb2.WriteRequest(mmio_id=bram.mmio_id, offset=8, data=(0xDEADBEEF).to_bytes(4, "little")))
v = mmio.read(mmio_pb2.ReadRequest(mmio_id=bram.mmio_id, offset=8, length=4, word_order="little"))
check(v.data == 0xDEADBEEF, "0xDEADBEEF reads back unsigned: 0x%x" % (v.data & 0xFFFFFFFF))
refused = mmio.get_mmio(mmio_pb2.GetMmioRequest(base_addr=0x0, length=0x1000))
check(refused.msg != "" and not refused.mmio_id, "a window outside the design is refused: " + refused.msg)

# RemoteDevice.allocate and RemoteBuffer.flush / invalidate / physical_address / freebuffer
size = 3 * 1024 * 1024 + 12  # more than one chunk each way
a = buf.allocate(buffer_pb2.AllocateRequest(size=size, dtype="<u4", cacheable=True))
check(a.buffer_id != "", "allocated %d bytes as %s" % (size, a.buffer_id))
data = bytes((i * 7) & 0xFF for i in range(size))
resp = buf.write(iter([buffer_pb2.BufferWriteRequest(buffer_id=a.buffer_id, data=data[i:i + CHUNK])
                       for i in range(0, size, CHUNK)]))
check(not resp.msg, "buffer written")
check(not buf.flush(buffer_pb2.FlushRequest(buffer_id=a.buffer_id)).msg, "flush")
check(not buf.invalidate(buffer_pb2.InvalidateRequest(buffer_id=a.buffer_id)).msg, "invalidate")
back = b"".join(r.data for r in buf.read(buffer_pb2.BufferReadRequest(buffer_id=a.buffer_id)))
check(back == data, "buffer reads back equal (%d bytes)" % len(back))
phys = buf.physical_address(buffer_pb2.AddressRequest(buffer_id=a.buffer_id)).address
check(phys != 0 and phys % 4096 == 0, "physical address 0x%x" % phys)
check(buf.cacheable(buffer_pb2.CacheableRequest(buffer_id=a.buffer_id)).cacheable, "cacheable")
over = buf.write(iter([buffer_pb2.BufferWriteRequest(buffer_id=a.buffer_id, data=b"x" * (size + 1))]))
check(over.msg == "Buffer overflow.", "an overflowing write is refused: " + over.msg)
failed = buf.allocate(buffer_pb2.AllocateRequest(size=-5, dtype="<u4", cacheable=True))
check(not failed.buffer_id and failed.msg, "a bad allocate answers msg and no id: " + failed.msg)
buf.freebuffer(buffer_pb2.FreeBufferRequest(buffer_id=a.buffer_id))
try:
    buf.flush(buffer_pb2.FlushRequest(buffer_id=a.buffer_id))
    check(False, "a freed buffer is gone")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.NOT_FOUND, "a freed buffer is NOT_FOUND")

# the board root confines the file calls
try:
    write_file("/lib/firmware/../../../../etc/jynq-escape", b"x")
    check(False, "'..' refused")
except grpc.RpcError as e:
    check(e.code() == grpc.StatusCode.INVALID_ARGUMENT, "'..' refused: " + e.details())
print("PYNQ-LIKE CLIENT DONE")
