"use server";

import { createAction } from "@/lib/actions/validated-action";
import { updateProduct } from "@/lib/domain/products/update-product";
import { updateProductSchema } from "@/lib/validation/schemas/products";

/** Edits a product while none of its applications is with a verification body. */
export const updateProductAction = createAction(updateProduct, {
  schema: updateProductSchema,
  revalidate: (input) => ["/enterprise", `/enterprise/products/${input.productId}`],
});
