package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.MultiPartSpecification;

/** Residents' photos: a test picture, and a report filed through the form with one. */
public final class Photos {

    private Photos() {
    }

    /** A 600×400 PNG (large enough to be scaled for a thumbnail). */
    public static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, 600, 400);
        g.setColor(Color.WHITE);
        g.fillOval(200, 100, 200, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * Files a property repair through the form with a photo, the building answer and (when given) an address, and
     * waits for the lead offer; answers the assignment's id.
     */
    public static long report(Sql sql, String compound, String phone, String address, byte[] photo) {
        var request = given().accept("application/json").multiPart(text("category", "property-repair"))
                .multiPart(text("description", "楼道灯不亮，见照片 " + System.nanoTime()))
                .multiPart(text("phone", phone)).multiPart(text("compound", compound))
                .multiPart(text("attribute[building]", "3号楼2单元"))
                .multiPart("photo", "lamp.png", photo, "image/png");
        if (address != null) {
            request.multiPart(text("address", address));
        }
        String reference = request.post("/report").then().statusCode(202).extract().path("reference");
        String lead = "select a.id from assignment a join ticket t on t.id = a.ticket_id where t.reference = ?"
                + " and a.role = 'lead'";
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from (" + lead + ") x",
                reference) == 1);
        return ((Number) sql.one(lead, reference)).longValue();
    }

    private static MultiPartSpecification text(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build();
    }

}
