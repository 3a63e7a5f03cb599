package io.vitrine.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

public class QrCodesUnitTest {

    static final String LINK = "https://vitrine.example/s/kX2u9Q7rJ0Zb1mWcV4tE8yHn3pLs6dFaG5hK0oRiUq";

    /** Reads a PNG back with ZXing's own decoder, as a phone camera would. */
    public static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    /** Rasterises an SVG drawn by {@link QrCodes#svg} (its unit squares) and reads it back like {@link #decode}. */
    public static String decodeSvg(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        if (!box.find()) {
            throw new AssertionError("No viewBox in " + svg);
        }
        int scale = 8;
        int width = Integer.parseInt(box.group(1)) * scale;
        int height = Integer.parseInt(box.group(2)) * scale;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLACK);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            graphics.fillRect(Integer.parseInt(module.group(1)) * scale, Integer.parseInt(module.group(2)) * scale,
                    scale, scale);
        }
        graphics.dispose();
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return decode(png.toByteArray());
    }

    @Test
    void shouldDrawAPngThatDecodesBackToTheLink() throws Exception {
        byte[] png = QrCodes.png(LINK, 8);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(decode(png)).isEqualTo(LINK);
    }

    @Test
    void shouldDrawAnSvgWithTheSameModules() {
        var matrix = QrCodes.matrix(LINK);
        String svg = QrCodes.svg(LINK);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " ");
        int dark = 0;
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                dark += matrix.get(x, y) ? 1 : 0;
            }
        }
        assertThat(svg.split("h1v1h-1z", -1)).hasSize(dark + 1);
        assertThat(svg).contains("M4 4h1v1h-1z").as("the finder pattern starts after the quiet zone");
    }

    @Test
    void shouldDrawAnSvgThatDecodesBackToTheLink() throws Exception {
        assertThat(decodeSvg(QrCodes.svg(LINK))).isEqualTo(LINK);
    }
}
