package org.townhall.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enrolment QR code reads back, by ZXing's own reader, as the address an authenticator app takes. */
class QrCodeTests {

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
  private static final int PIXELS_PER_MODULE = 4;

  @Test
  void readsBackAsTheOtpauthAddress() throws Exception {
    String uri = "otpauth://totp/Townhall:sam.o%27neil%40council.gov.uk?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        + "&issuer=Townhall&algorithm=SHA1&digits=6&period=30";

    String dataUri = QrCode.svgDataUri(uri);

    assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
    String svg = new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)),
        StandardCharsets.UTF_8);
    assertThat(new QRCodeReader().decode(rendered(svg)).getText()).isEqualTo(uri);
  }

  /** Draws the SVG's unit squares, black on white, as a camera would see them. */
  private static BinaryBitmap rendered(String svg) {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    int width = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
    int height = Integer.parseInt(box.group(2)) * PIXELS_PER_MODULE;
    int[] pixels = new int[width * height];
    Arrays.fill(pixels, 0xFFFFFF);
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE;
      int y = Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE;
      for (int dy = 0; dy < PIXELS_PER_MODULE; dy++) {
        Arrays.fill(pixels, (y + dy) * width + x, (y + dy) * width + x + PIXELS_PER_MODULE, 0);
      }
    }
    return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
  }
}
