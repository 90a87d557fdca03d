import { z } from "@/lib/validation/zod";

/** One notification, or every unread one when `notificationId` is omitted. */
export const markNotificationsReadSchema = z.object({ notificationId: z.uuid().optional() });
