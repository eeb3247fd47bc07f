package io.jynq.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jynq.testing.SharedData;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layout offset and field mask equals the REGISTER/FIELD listing Vivado wrote into real
 * {@code .hwh} files, so a wrong constant cannot hide in both a driver and its model.
 */
class LayoutsAgainstHwhTest {
    private static final Map<String, HwhRegisterListing> CACHE = new HashMap<>();

    private static final String BASE = "pynqz1_base.hwh";
    private static final String KV260 = "kv260_cv_dfx_3_pr.hwh";
    private static final String DMA = "/trace_analyzer_arduino/axi_dma_0";
    private static final String GPIO = "/btns_gpio";
    private static final String INTC = "/system_interrupts";
    private static final String HLS = "/composable/lut_accel";
    private static final String BRAM = "/iop_pmoda/mb_bram_ctrl";

    static Stream<Arguments> registers() {
        return Stream.of(
                // PG021 v7.1 "Direct Register Mode Register Address Map"
                reg(BASE, DMA, "MM2S_DMACR", AxiDmaLayout.MM2S_DMACR),
                reg(BASE, DMA, "MM2S_DMASR", AxiDmaLayout.MM2S_DMASR),
                reg(BASE, DMA, "MM2S_CURDESC", AxiDmaLayout.MM2S_CURDESC),
                reg(BASE, DMA, "MM2S_TAILDESC", AxiDmaLayout.MM2S_TAILDESC),
                reg(BASE, DMA, "MM2S_SA", AxiDmaLayout.MM2S_SA),
                reg(BASE, DMA, "MM2S_SA_MSB", AxiDmaLayout.MM2S_SA_MSB),
                reg(BASE, DMA, "MM2S_LENGTH", AxiDmaLayout.MM2S_LENGTH),
                reg(BASE, DMA, "SG_CTL", AxiDmaLayout.SG_CTL),
                reg(BASE, DMA, "S2MM_DMACR", AxiDmaLayout.S2MM_DMACR),
                reg(BASE, DMA, "S2MM_DMASR", AxiDmaLayout.S2MM_DMASR),
                reg(BASE, DMA, "S2MM_CURDESC", AxiDmaLayout.S2MM_CURDESC),
                reg(BASE, DMA, "S2MM_TAILDESC", AxiDmaLayout.S2MM_TAILDESC),
                reg(BASE, DMA, "S2MM_DA", AxiDmaLayout.S2MM_DA),
                reg(BASE, DMA, "S2MM_DA_MSB", AxiDmaLayout.S2MM_DA_MSB),
                reg(BASE, DMA, "S2MM_LENGTH", AxiDmaLayout.S2MM_LENGTH),
                // PG144 v2.0 "Registers"
                reg(BASE, GPIO, "GPIO_DATA", AxiGpioLayout.GPIO_DATA),
                reg(BASE, GPIO, "GPIO_TRI", AxiGpioLayout.GPIO_TRI),
                reg(BASE, GPIO, "GPIO2_DATA", AxiGpioLayout.GPIO2_DATA),
                reg(BASE, GPIO, "GPIO2_TRI", AxiGpioLayout.GPIO2_TRI),
                reg(BASE, GPIO, "GIER", AxiGpioLayout.GIER),
                reg(BASE, GPIO, "IP_ISR", AxiGpioLayout.IP_ISR),
                reg(BASE, GPIO, "IP_IER", AxiGpioLayout.IP_IER),
                // PG099 v4.1 "Register Address Map"
                reg(BASE, INTC, "ISR", AxiIntcLayout.ISR),
                reg(BASE, INTC, "IPR", AxiIntcLayout.IPR),
                reg(BASE, INTC, "IER", AxiIntcLayout.IER),
                reg(BASE, INTC, "IAR", AxiIntcLayout.IAR),
                reg(BASE, INTC, "SIE", AxiIntcLayout.SIE),
                reg(BASE, INTC, "CIE", AxiIntcLayout.CIE),
                reg(BASE, INTC, "IVR", AxiIntcLayout.IVR),
                reg(BASE, INTC, "MER", AxiIntcLayout.MER),
                reg(BASE, INTC, "IMR", AxiIntcLayout.IMR),
                reg(BASE, INTC, "ILR", AxiIntcLayout.ILR),
                reg(BASE, INTC, "IVAR[0]", AxiIntcLayout.IVAR_BASE),
                // UG1399 "S_AXILITE Control Register Map"
                reg(KV260, HLS, "CTRL", HlsCtrlLayout.CTRL),
                reg(KV260, HLS, "GIER", HlsCtrlLayout.GIER),
                reg(KV260, HLS, "IP_IER", HlsCtrlLayout.IP_IER),
                reg(KV260, HLS, "IP_ISR", HlsCtrlLayout.IP_ISR),
                reg(KV260, HLS, "rows", HlsCtrlLayout.ARGS_BASE),
                // PG078 v4.1 "Register Space"
                reg(BASE, BRAM, "ECC_STATUS", AxiBramCtrlLayout.ECC_STATUS),
                reg(BASE, BRAM, "ECC_EN_IRQ", AxiBramCtrlLayout.ECC_EN_IRQ),
                reg(BASE, BRAM, "ECC_ON_OFF", AxiBramCtrlLayout.ECC_ON_OFF),
                reg(BASE, BRAM, "CE_CNT", AxiBramCtrlLayout.CE_CNT),
                reg(BASE, BRAM, "CE_FFA0", AxiBramCtrlLayout.CE_FFA0),
                reg(BASE, BRAM, "FI_D0", AxiBramCtrlLayout.FI_D0),
                reg(BASE, BRAM, "FI_ECC", AxiBramCtrlLayout.FI_ECC));
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                // PG021 v7.1 "MM2S_DMACR" and "S2MM_DMACR" register details
                field(BASE, DMA, "MM2S_DMACR", "RS", AxiDmaLayout.DMACR_RS),
                field(BASE, DMA, "MM2S_DMACR", "Reset", AxiDmaLayout.DMACR_RESET),
                field(BASE, DMA, "MM2S_DMACR", "Keyhole", AxiDmaLayout.DMACR_KEYHOLE),
                field(BASE, DMA, "MM2S_DMACR", "Cyclic_BD_Enable", AxiDmaLayout.DMACR_CYCLIC_BD_ENABLE),
                field(BASE, DMA, "S2MM_DMACR", "IOC_IrqEn", AxiDmaLayout.DMACR_IOC_IRQ_EN),
                field(BASE, DMA, "S2MM_DMACR", "Dly_IrqEn", AxiDmaLayout.DMACR_DLY_IRQ_EN),
                field(BASE, DMA, "S2MM_DMACR", "Err_IrqEn", AxiDmaLayout.DMACR_ERR_IRQ_EN),
                field(BASE, DMA, "S2MM_DMACR", "IRQThreshold", AxiDmaLayout.DMACR_IRQ_THRESHOLD),
                field(BASE, DMA, "S2MM_DMACR", "IRQDelay", AxiDmaLayout.DMACR_IRQ_DELAY),
                // PG021 v7.1 "MM2S_DMASR" and "S2MM_DMASR" register details
                field(BASE, DMA, "MM2S_DMASR", "Halted", AxiDmaLayout.DMASR_HALTED),
                field(BASE, DMA, "MM2S_DMASR", "Idle", AxiDmaLayout.DMASR_IDLE),
                field(BASE, DMA, "MM2S_DMASR", "SGIncld", AxiDmaLayout.DMASR_SG_INCLD),
                field(BASE, DMA, "MM2S_DMASR", "DMAIntErr", AxiDmaLayout.DMASR_DMA_INT_ERR),
                field(BASE, DMA, "MM2S_DMASR", "DMASlvErr", AxiDmaLayout.DMASR_DMA_SLV_ERR),
                field(BASE, DMA, "MM2S_DMASR", "DMADecErr", AxiDmaLayout.DMASR_DMA_DEC_ERR),
                field(BASE, DMA, "S2MM_DMASR", "SGIntErr", AxiDmaLayout.DMASR_SG_INT_ERR),
                field(BASE, DMA, "S2MM_DMASR", "SGSlvErr", AxiDmaLayout.DMASR_SG_SLV_ERR),
                field(BASE, DMA, "S2MM_DMASR", "SGDecErr", AxiDmaLayout.DMASR_SG_DEC_ERR),
                field(BASE, DMA, "S2MM_DMASR", "IOC_Irq", AxiDmaLayout.DMASR_IOC_IRQ),
                field(BASE, DMA, "S2MM_DMASR", "Dly_Irq", AxiDmaLayout.DMASR_DLY_IRQ),
                field(BASE, DMA, "S2MM_DMASR", "Err_Irq", AxiDmaLayout.DMASR_ERR_IRQ),
                field(BASE, DMA, "S2MM_DMASR", "IRQThresholdSts", AxiDmaLayout.DMASR_IRQ_THRESHOLD_STS),
                // PG144 v2.0 "GIER", "IP IER", "IP ISR"
                field(BASE, GPIO, "GIER", "Global Interrupt Enable", AxiGpioLayout.GIER_ENABLE),
                field(BASE, GPIO, "IP_IER", "Channel-1 Interrupt Enable", AxiGpioLayout.CHANNEL1_INT),
                field(BASE, GPIO, "IP_IER", "Channel-2 Interrupt Enable", AxiGpioLayout.CHANNEL2_INT),
                field(BASE, GPIO, "IP_ISR", "Channel-1 Interrupt Status", AxiGpioLayout.CHANNEL1_INT),
                field(BASE, GPIO, "IP_ISR", "Channel-2 Interrupt Status", AxiGpioLayout.CHANNEL2_INT),
                // PG099 v4.1 "MER"
                field(BASE, INTC, "MER", "ME", AxiIntcLayout.MER_ME),
                field(BASE, INTC, "MER", "HIE", AxiIntcLayout.MER_HIE),
                // UG1399 "S_AXILITE Control Register Map"
                field(KV260, HLS, "CTRL", "AP_START", HlsCtrlLayout.AP_START),
                field(KV260, HLS, "CTRL", "AP_DONE", HlsCtrlLayout.AP_DONE),
                field(KV260, HLS, "CTRL", "AP_IDLE", HlsCtrlLayout.AP_IDLE),
                field(KV260, HLS, "CTRL", "AP_READY", HlsCtrlLayout.AP_READY),
                field(KV260, HLS, "CTRL", "AUTO_RESTART", HlsCtrlLayout.AUTO_RESTART),
                field(KV260, HLS, "CTRL", "INTERRUPT", HlsCtrlLayout.INTERRUPT),
                field(KV260, HLS, "GIER", "Enable", HlsCtrlLayout.GIER_ENABLE),
                field(KV260, HLS, "IP_IER", "CHAN0_INT_EN", HlsCtrlLayout.ISR_AP_DONE),
                field(KV260, HLS, "IP_IER", "CHAN1_INT_EN", HlsCtrlLayout.ISR_AP_READY),
                field(KV260, HLS, "IP_ISR", "CHAN0_INT_ST", HlsCtrlLayout.ISR_AP_DONE),
                field(KV260, HLS, "IP_ISR", "CHAN1_INT_ST", HlsCtrlLayout.ISR_AP_READY));
    }

    private static Arguments reg(String file, String module, String register, int offset) {
        return Arguments.of(file, module, register, offset);
    }

    private static Arguments field(String file, String module, String register, String field, int mask) {
        return Arguments.of(file, module, register, field, mask);
    }

    private static synchronized HwhRegisterListing listing(String file, String module) throws Exception {
        String key = file + module;
        HwhRegisterListing l = CACHE.get(key);
        if (l == null) {
            l = new HwhRegisterListing(SharedData.hwh(file), module);
            CACHE.put(key, l);
        }
        return l;
    }

    @ParameterizedTest(name = "{2} of {1} ({0}) at 0x{3}")
    @MethodSource("registers")
    void registerOffsetMatchesHwh(String file, String module, String register, int offset) throws Exception {
        assertEquals(offset, listing(file, module).register(register).offset(),
                register + " offset in " + file + " " + module);
    }

    @ParameterizedTest(name = "{2}.{3} of {1} ({0})")
    @MethodSource("fields")
    void fieldMaskMatchesHwh(String file, String module, String register, String field, int mask) throws Exception {
        Long actual = listing(file, module).register(register).fieldMasks().get(field);
        assertEquals(Long.valueOf(mask & 0xFFFF_FFFFL), actual, register + "." + field + " mask in " + file);
    }
}
